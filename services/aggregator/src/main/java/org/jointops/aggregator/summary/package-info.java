/**
 * The council summary of an operation's totals, worded in English or Russian and laid out
 * as plain text, Markdown, HTML or PDF (the HTML's print layout, rendered by
 * {@code documents}).
 */
package org.jointops.aggregator.summary;
