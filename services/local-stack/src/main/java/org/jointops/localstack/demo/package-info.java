/**
 * The local stack's demonstration: a synthetic operation posted through the producers'
 * API, and its council totals printed as a table.
 */
package org.jointops.localstack.demo;
