/**
 * Kafka for the services: creating the topics a service writes to when they are missing,
 * without ever altering one that exists, and following a topic from its start without a
 * consumer group ({@link org.jointops.support.kafka.TopicFollower}).
 */
package org.jointops.support.kafka;
