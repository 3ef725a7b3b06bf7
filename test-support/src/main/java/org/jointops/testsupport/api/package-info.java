/**
 * The API description as a contract, checked by the tests: every request a MockMvc test
 * makes is recorded ({@link ObservedExchanges}, registered for every
 * {@code @AutoConfigureMockMvc} context by {@link ExchangeRecordingAutoConfiguration}),
 * and so is every real HTTP call made through {@code Http}; each service's contract test
 * ({@link ApiContractTestCase}, ordered after the other test classes) reads the service's
 * OpenAPI document with swagger-parser and fails for every observed status the document
 * does not give for its operation.
 */
package org.jointops.testsupport.api;
