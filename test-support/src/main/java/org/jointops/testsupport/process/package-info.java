/**
 * The process-level harness: a real KRaft broker ({@code kafka.Kafka}, Kafka's own main)
 * and the services' executable jars, each a separate JVM on loopback, that tests start,
 * kill ({@code SIGKILL}), pause ({@code SIGSTOP}), resume and restart. {@link Pipeline}
 * puts a whole deployment together; every process it starts is stopped by its
 * {@code close()} and, should the test JVM end first, by a shutdown hook.
 */
package org.jointops.testsupport.process;
