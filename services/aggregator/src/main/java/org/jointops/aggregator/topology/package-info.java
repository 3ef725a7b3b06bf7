/**
 * The Kafka Streams topology that turns findings into council totals: decoding and
 * checking (with dead letters), the standing revision of each report, the ledgers'
 * arithmetic, and the topics and configuration it runs with.
 */
package org.jointops.aggregator.topology;
