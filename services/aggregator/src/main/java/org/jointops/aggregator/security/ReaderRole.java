package org.jointops.aggregator.security;

/**
 * What a reader of the aggregator may see.
 */
enum ReaderRole {

	/**
	 * Everything: totals with every filter, traceability, completeness, metrics, and the
	 * only role that changes the catalogue (admin API).
	 */
	SECRETARIAT,

	/**
	 * A member state: the council totals (by state, stage and category, as everyone), and
	 * the detail of its own state only: breakdown by agency, traceability to single
	 * reports, completeness.
	 */
	STATE,

	/**
	 * Council totals and summaries only: no breakdown by agency, no traceability to
	 * single reports, no completeness (it names the agencies that reported); and only as
	 * the secretariat published them: the latest publication, never live figures (no live
	 * feed, no {@code asOf}).
	 */
	OBSERVER

}
