/**
 * The certificates of a jointops deployment: a small certificate authority that makes a
 * PKCS12 key store for each host and a trust store with its own certificate
 * ({@code ./jointops-certs}), used by the brokers' SASL_SSL listeners and the services'
 * HTTPS.
 */
package org.jointops.kafkanode.tls;
