package org.jointops.aggregator.ledger;

import java.math.BigDecimal;
import java.util.Map;

import org.jointops.ledger.Tally;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Quantities;

/**
 * The arithmetic of slots: exact decimal sums and counts. A report adds one to the count
 * of reports of its state, stage and agency, and each of its lines to its cell; taking it
 * out subtracts the same. Each line is summed in its own category only: an <em>of
 * which</em> line is part of its parent as reported and never added into it again.
 */
public final class Tallies {

	private static final BigDecimal ZERO = Quantities.onTheWire(BigDecimal.ZERO);

	private Tallies() {
	}

	/**
	 * An empty tally.
	 * @param unit the unit of a line slot, null for a count of reports
	 * @return zero, counting nothing
	 */
	public static Tally zero(String unit) {
		return new Tally(ZERO, 0L, unit);
	}

	/**
	 * Whether a tally counts nothing.
	 * @param tally a tally, may be null
	 * @return true if null or at zero lines or reports
	 */
	public static boolean isEmpty(Tally tally) {
		return tally == null || tally.getCount() == 0;
	}

	/**
	 * The sum of two tallies.
	 * @param tally a tally, may be null (zero)
	 * @param delta what to add
	 * @return a new tally
	 */
	public static Tally plus(Tally tally, Tally delta) {
		if (tally == null) {
			return new Tally(delta.getQuantity(), delta.getCount(), delta.getUnit());
		}
		return new Tally(tally.getQuantity().add(delta.getQuantity()), tally.getCount() + delta.getCount(),
				(tally.getUnit() != null) ? tally.getUnit() : delta.getUnit());
	}

	/**
	 * Adds (or, with sign -1, takes out) a report's contribution to slots.
	 * @param slots the slots, changed in place
	 * @param report the report
	 * @param sign 1 to add, -1 to take out
	 */
	public static void add(Map<Slot, Tally> slots, ReportRevision report, int sign) {
		slots.merge(Slot.reports(report), new Tally(ZERO, (long) sign, null), Tallies::plus);
		for (Finding finding : report.getFindings()) {
			BigDecimal quantity = Quantities.onTheWire(finding.getQuantity());
			slots.merge(Slot.cell(finding, report),
					new Tally((sign > 0) ? quantity : quantity.negate(), (long) sign, finding.getUnit()),
					Tallies::plus);
		}
	}

}
