/**
 * The benchmark's side of Kafka: Kafka's own performance tools run as processes, the fast
 * preloading producer, the plain Kafka Streams application that is the aggregation's
 * baseline, and what the broker tells about a consumer group's progress, all as the
 * node's administrator.
 */
package org.jointops.bench.kafka;
