/**
 * The aggregator's API description ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): the contract the secretariat's and other readers' clients
 * are built from. The operations are described next to their controllers; this package
 * adds what the whole document shares, the parameters every query takes, and the codes
 * that come from the catalogue.
 */
package org.jointops.aggregator.openapi;
