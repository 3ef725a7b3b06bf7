/**
 * Launching the services as Spring contexts in the local stack's JVM, each with its
 * configuration file and the stack's settings.
 */
package org.jointops.localstack.launch;
