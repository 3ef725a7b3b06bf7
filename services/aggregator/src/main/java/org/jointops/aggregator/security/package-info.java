/**
 * Who may read from the aggregator: the readers' tokens and roles, which endpoints each
 * role reaches, and what it may ask for within them.
 */
package org.jointops.aggregator.security;
