/**
 * The health of Kafka Streams: whether the totals can be served, and the stream-thread
 * failures that mark a crash loop.
 */
package org.jointops.aggregator.health;
