/**
 * The replicated shape ({@code --brokers 3 --aggregators 2}): every Kafka node and every
 * aggregator instance a JVM of its own, started from the stack's own classpath, that an
 * operator can kill ({@code kill -9 <pid>}) and start again, and that never outlives the
 * stack.
 */
package org.jointops.localstack.processes;
