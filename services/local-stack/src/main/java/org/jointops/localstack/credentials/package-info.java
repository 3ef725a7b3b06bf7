/**
 * The local stack's credentials: API tokens for the agencies and the aggregator's
 * readers, and Kafka passwords, made on the first start and kept in the data directory.
 */
package org.jointops.localstack.credentials;
