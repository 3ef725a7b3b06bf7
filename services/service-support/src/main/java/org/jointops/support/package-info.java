/**
 * What every jointops service shares at run time, as one auto-configuration; each part is
 * in a package of its own.
 */
package org.jointops.support;
