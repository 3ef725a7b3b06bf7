/**
 * One Kafka node as jointops runs it: its configuration (KRaft, SASL listeners, the
 * standard authorizer), the in-process node, the Kafka users, how clients authenticate,
 * and the ACLs that keep each service to its own topics.
 */
package org.jointops.kafkanode;
