/**
 * Changes to the council's register of an operation (exchange rates, statuses,
 * publications), made one at a time like catalogue changes: read the current version,
 * apply, write the next version to {@code council.register}, answer once applied.
 */
package org.jointops.aggregator.register;
