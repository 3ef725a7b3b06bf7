/**
 * The producer service of one member state: the application and its configuration;
 * ingesting, batches, publishing and security are each in a package of their own.
 */
package org.jointops.producer;
