/**
 * What every module's tests share: the in-process Kafka node of
 * {@link WithEmbeddedKafka}, the test credentials, report fixtures, and helpers for real
 * HTTP calls, free ports and reading topics.
 */
package org.jointops.testsupport;
