/**
 * Ingesting a single report over HTTP: the endpoint, strict reading and validation
 * against the catalogue, dry runs, body size limits, metrics and refusals as problem
 * details.
 */
package org.jointops.producer.ingest;
