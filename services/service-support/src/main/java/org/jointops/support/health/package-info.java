/**
 * The Kafka health indicator every service has, which asks the cluster on every check.
 */
package org.jointops.support.health;
