/**
 * The secretariat's read API: the operations with totals, an operation's council totals
 * (whole, filtered or as of an instant), the reports behind them and the catalogue, with
 * errors as problem details.
 */
package org.jointops.aggregator.api;
