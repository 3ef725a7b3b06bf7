/**
 * The council's register of each operation as a running service sees it, following the
 * topic {@code council.register} like the catalogue follows its own.
 */
package org.jointops.support.register;
