/**
 * Replication as configuration, in one place: the replication factor and
 * {@code min.insync.replicas} every topic a service uses must have
 * ({@link org.jointops.support.replication.ReplicationProperties}), and the health check
 * that holds the topics that exist to them
 * ({@link org.jointops.support.replication.ReplicationHealthIndicator}).
 */
package org.jointops.support.replication;
