/**
 * The producer's API description ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): the contract agencies' clients are built from. The
 * operations are described next to their controllers; this package adds what the whole
 * document shares and what comes from the configuration and the catalogue.
 */
package org.jointops.producer.openapi;
