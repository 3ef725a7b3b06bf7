/**
 * Every aggregator instance answers every query: the instance that holds an operation's
 * ledger is found through Kafka Streams' metadata, a query asked elsewhere is forwarded
 * to it with the caller's identity, and during a rebalance a standby replica on this
 * instance answers, with its lag.
 */
package org.jointops.aggregator.routing;
