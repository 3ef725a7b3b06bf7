/**
 * Exchange rates run by the secretariat and the council's figures in US dollars: the
 * admin API that records rates in the register, the exact conversion of money lines (pure
 * functions of the totals and the register, so a publication renders its stored snapshot
 * with the same code as the live view) and the "more than" figure of the summary.
 */
package org.jointops.aggregator.rates;
