package org.jointops.support.catalogue;

import java.time.Instant;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.ReportRules;

/**
 * One version of the catalogue as a service holds it.
 *
 * @param version 0 for the start-up content (bundled file and extra files), else the
 * version of the {@code catalogue.changes} record it came from
 * @param catalogue the catalogue
 * @param rules the report rules against it
 * @param offset offset of the record it came from, -1 for the start-up content
 * @param changedAt when it was changed, null for the start-up content
 * @param changedBy who changed it, null for the start-up content
 */
public record CatalogueSnapshot(long version, Catalogue catalogue, ReportRules rules, long offset, Instant changedAt,
		String changedBy) {

	/**
	 * The start-up content.
	 * @param catalogue the catalogue
	 * @return version 0 of it
	 */
	public static CatalogueSnapshot initial(Catalogue catalogue) {
		return new CatalogueSnapshot(0, catalogue, new ReportRules(catalogue), -1, null, null);
	}

}
