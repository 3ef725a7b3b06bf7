package org.jointops.support.catalogue;

import java.time.Duration;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.ReportRules;

/**
 * The catalogue as it is now: services ask for it on each request and record, never keep
 * it, since it changes while they run ({@link LiveCatalogue}).
 */
public interface CurrentCatalogue {

	/**
	 * The catalogue version that applies now.
	 * @return the current version, with its rules
	 */
	CatalogueSnapshot snapshot();

	/**
	 * The catalogue that applies now.
	 * @return the current catalogue
	 */
	default Catalogue current() {
		return snapshot().catalogue();
	}

	/**
	 * The report rules that apply now.
	 * @return the report rules against the current catalogue
	 */
	default ReportRules rules() {
		return snapshot().rules();
	}

	/**
	 * The number of the catalogue version that applies now.
	 * @return the current version (0: the start-up content)
	 */
	default long version() {
		return snapshot().version();
	}

	/**
	 * Waits until every catalogue version written before this call has been read (and
	 * applied if valid).
	 * @param timeout longest wait
	 * @return true if caught up, false if the time ran out (e.g. Kafka is away)
	 */
	boolean awaitCaughtUp(Duration timeout);

	/**
	 * Waits until a record of the topic has been read (and applied if valid): what a
	 * change written by this service waits for before it is answered.
	 * @param offset the record's offset
	 * @param timeout longest wait
	 * @return true if it has been read
	 */
	boolean awaitRead(long offset, Duration timeout);

	/**
	 * Whether the record at an offset of the topic became a version here (rather than
	 * being skipped, e.g. because another record of the same version came first).
	 * @param offset a record's offset, already read
	 * @return true if it was applied
	 */
	default boolean applied(long offset) {
		return snapshot().offset() == offset;
	}

	/**
	 * A catalogue that never changes, e.g. for tests.
	 * @param catalogue the catalogue
	 * @return it, at version 0, always caught up
	 */
	static CurrentCatalogue fixed(Catalogue catalogue) {
		CatalogueSnapshot snapshot = CatalogueSnapshot.initial(catalogue);
		return new CurrentCatalogue() {

			@Override
			public CatalogueSnapshot snapshot() {
				return snapshot;
			}

			@Override
			public boolean awaitCaughtUp(Duration timeout) {
				return true;
			}

			@Override
			public boolean awaitRead(long offset, Duration timeout) {
				return false;
			}

		};
	}

}
