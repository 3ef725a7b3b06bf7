/**
 * Completeness of an operation's reporting: who has reported on each stage, when, and who
 * is late or overdue, per stage and member state.
 */
package org.jointops.aggregator.completeness;
