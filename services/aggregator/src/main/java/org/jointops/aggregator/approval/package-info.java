/**
 * Submission and approval per operation, stage and member state: a state submits its
 * figures, the secretariat accepts or returns them and may reopen accepted figures with a
 * recorded reason; every transition is kept in the operation's register. Also the marks
 * (PRELIMINARY or FINAL) that totals, summaries and the dashboard show, computed from a
 * register document alone so that a publication renders them as the live view does.
 */
package org.jointops.aggregator.approval;
