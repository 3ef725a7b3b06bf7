/**
 * Reading the operations' ledgers and histories from the Kafka Streams stores: totals now
 * or at an instant, filters, the reports behind them, and the errors a query may meet.
 */
package org.jointops.aggregator.query;
