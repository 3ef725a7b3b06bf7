/**
 * Publishing accepted revisions to the state's findings topic: the Kafka producer, the
 * topic itself, and what became of each record.
 */
package org.jointops.producer.publish;
