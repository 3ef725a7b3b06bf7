/**
 * The whole system in one JVM behind {@code ./local-stack}: a Kafka node, one producer
 * service per member state and the aggregator, with its command-line options and the lock
 * on its data directory.
 */
package org.jointops.localstack;
