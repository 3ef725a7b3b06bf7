/**
 * The council summary of an operation's totals, worded in English or Russian and laid out
 * as plain text, Markdown or HTML.
 */
package org.jointops.aggregator.summary;
