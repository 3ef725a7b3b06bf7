/**
 * The council aggregator: the application, which turns every state's findings into
 * council totals with Kafka Streams and serves them to the secretariat; each capability
 * is in a package of its own.
 */
package org.jointops.aggregator;
