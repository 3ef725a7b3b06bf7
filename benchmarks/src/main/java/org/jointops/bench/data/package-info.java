/**
 * What the benchmark sends: the shapes of operations it aggregates (operations, cells per
 * operation), the catalogue file that makes room for them, seeded streams of report
 * revisions with duplicates, corrections and withdrawals, the totals they must add up to
 * (computed here, independently of the aggregator), and the reports posted over HTTP.
 */
package org.jointops.bench.data;
