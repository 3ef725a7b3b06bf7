package org.jointops.aggregator.publication;

import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;

/**
 * A publication as it is read: the register's entry and the immutable snapshot it names,
 * its totals and its register decoded. Everything shown of a publication is a function of
 * this and the catalogue ({@link PublishedRendering}), never of live figures.
 *
 * @param operation the operation
 * @param entry the register's entry (number, date, status, who)
 * @param totals the council totals as they stood
 * @param register the operation's register as it stood (rates, statuses)
 */
public record Snapshot(String operation, PublicationEntry entry, CouncilTotals totals, RegisterDocument register) {

	/**
	 * Decodes a snapshot.
	 * @param entry the register's entry that names it
	 * @param figures the record of {@code council.publications}
	 * @return the snapshot
	 */
	static Snapshot of(PublicationEntry entry, PublishedFigures figures) {
		return new Snapshot(figures.getOperation(), entry, figures.getTotals(), registerOf(figures));
	}

	/**
	 * The register a snapshot stored: the empty register (version 0, which the register
	 * topic never carries) of an operation published before anything was recorded in it,
	 * or a register document.
	 * @param figures the snapshot
	 * @return its register
	 */
	static RegisterDocument registerOf(PublishedFigures figures) {
		RegisterDocument empty = RegisterDocument.empty(figures.getOperation());
		return empty.toJson().equals(figures.getRegister()) ? empty : RegisterDocument.fromJson(figures.getRegister());
	}

	/**
	 * The publication's number.
	 * @return from 1
	 */
	public int number() {
		return this.entry.number();
	}

}
