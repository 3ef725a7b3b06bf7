/**
 * The live catalogue of a running service: the start-up content replaced by each valid
 * newer version read from the catalogue topic, with its health details.
 */
package org.jointops.support.catalogue;
