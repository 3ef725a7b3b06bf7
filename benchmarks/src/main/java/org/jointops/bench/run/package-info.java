/**
 * The benchmark's steps on one deployment: Kafka's own tools, HTTP ingest, aggregator
 * catch-up next to a plain Kafka Streams application, recovery after {@code kill -9},
 * freshness on the live feed, and the local stack's footprint. Everything is observed
 * from outside the services: topics, consumer groups, the HTTP API and {@code /proc}.
 */
package org.jointops.bench.run;
