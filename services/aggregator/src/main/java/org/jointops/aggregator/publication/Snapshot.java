package org.jointops.aggregator.publication;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;

/**
 * A publication as it is read: the register's entry and the immutable snapshot it names,
 * its totals, its register and its catalogue decoded. Everything shown of a publication
 * is a function of this ({@link PublishedRendering}), never of live figures.
 *
 * @param operation the operation
 * @param entry the register's entry (number, date, status, who)
 * @param totals the council totals as they stood
 * @param register the operation's register as it stood (rates, statuses)
 * @param catalogue the catalogue as it stood (names, stages, member states), or null for
 * a snapshot written before snapshots stored it
 */
public record Snapshot(String operation, PublicationEntry entry, CouncilTotals totals, RegisterDocument register,
		Catalogue catalogue) {

	/**
	 * Decodes a snapshot.
	 * @param entry the register's entry that names it
	 * @param figures the record of {@code council.publications}
	 * @return the snapshot
	 */
	static Snapshot of(PublicationEntry entry, PublishedFigures figures) {
		Catalogue catalogue = figures.getCatalogue().isEmpty() ? null
				: Catalogue.of(CatalogueContent.fromJson(figures.getCatalogue()));
		return new Snapshot(figures.getOperation(), entry, figures.getTotals(), registerOf(figures), catalogue);
	}

	/**
	 * The catalogue the publication is shown with: the one it stored, so that it shows
	 * the same whatever the catalogue becomes.
	 * @param current the current catalogue, for a snapshot that stored none
	 * @return the catalogue
	 */
	public Catalogue catalogueOr(Catalogue current) {
		return (this.catalogue != null) ? this.catalogue : current;
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
