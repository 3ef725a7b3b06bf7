package org.jointops.aggregator.publication;

import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.summary.Summaries;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Operation;

import org.springframework.http.ResponseEntity;

/**
 * What a publication shows, rendered from its snapshot alone (its totals, its stored
 * register and catalogue) with the same code as the live figures: the totals view and the
 * summary. Documents of a publication (PDF, spreadsheet) are rendered from a
 * {@link Snapshot} the same way.
 */
public final class PublishedRendering {

	private PublishedRendering() {
	}

	/**
	 * The totals of a publication, in the shape of the live totals, with the publication.
	 * @param snapshot the publication
	 * @param current the current catalogue, for a snapshot that stored none
	 * @return the view
	 */
	public static OperationTotalsView totals(Snapshot snapshot, Catalogue current) {
		return OperationTotalsView.of(snapshot.totals(), snapshot.register(), snapshot.catalogueOr(current), null, null)
			.published(stamp(snapshot));
	}

	/**
	 * The council summary of a publication.
	 * @param snapshot the publication
	 * @param current the current catalogue, for a snapshot that stored none
	 * @param lang {@code en} or {@code ru}
	 * @param format {@code txt}, {@code md}, {@code html} or {@code pdf}, or null to
	 * follow {@code accept}
	 * @param accept the {@code Accept} header, or null
	 * @return the answer
	 */
	public static ResponseEntity<?> summary(Snapshot snapshot, Catalogue current, String lang, String format,
			String accept) {
		Catalogue catalogue = snapshot.catalogueOr(current);
		Operation operation = catalogue.operation(snapshot.operation())
			.orElseThrow(() -> new UnknownOperationException(snapshot.operation()));
		return Summaries.answer(snapshot.totals(), snapshot.register(), operation, catalogue, lang, format, accept,
				null, new Summaries.Publication(snapshot.number(), snapshot.entry().publishedAt(),
						snapshot.entry().status()));
	}

	/**
	 * Which publication a snapshot is.
	 * @param snapshot the snapshot
	 * @return its number, date and status
	 */
	public static OperationTotalsView.Publication stamp(Snapshot snapshot) {
		return new OperationTotalsView.Publication(snapshot.number(), snapshot.entry().publishedAt(),
				snapshot.entry().status());
	}

}
