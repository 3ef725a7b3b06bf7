package org.jointops.aggregator.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.summary.Summaries;
import org.jointops.catalogue.Catalogue;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.register.CurrentRegister;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The published figures of each operation, as every reader may read them and as an
 * observer reads nothing else: the publications the register lists, each read from the
 * snapshot it names.
 */
@Component
public class Publications {

	private final CurrentRegister register;

	private final SnapshotStore snapshots;

	private final CurrentCatalogue catalogue;

	private final Duration wait;

	Publications(CurrentRegister register, SnapshotStore snapshots, CurrentCatalogue catalogue,
			@Value("${jointops.publications.snapshot-wait:5s}") Duration wait) {
		this.register = register;
		this.snapshots = snapshots;
		this.catalogue = catalogue;
		this.wait = wait;
	}

	/**
	 * The catalogue that applies now.
	 * @return the catalogue
	 */
	Catalogue catalogue() {
		return this.catalogue.current();
	}

	/**
	 * An operation's publications.
	 * @param operation operation code
	 * @return its entries, by number (empty if it has none yet)
	 * @throws UnknownOperationException if neither the catalogue nor the register knows
	 * it
	 */
	public List<PublicationEntry> entries(String operation) {
		RegisterDocument current = this.register.of(operation);
		if (current.publications().isEmpty() && catalogue().operation(operation).isEmpty()) {
			throw new UnknownOperationException(operation);
		}
		return current.publications();
	}

	/**
	 * A publication of an operation.
	 * @param operation operation code
	 * @param number its number
	 * @return the publication
	 * @throws PublicationProblem 404 if there is no such publication, 503 if its snapshot
	 * has not been read here yet
	 */
	public Snapshot snapshot(String operation, int number) {
		PublicationEntry entry = entries(operation).stream()
			.filter((candidate) -> candidate.number() == number)
			.findFirst()
			.orElseThrow(() -> PublicationProblem.noSuchPublication(operation, number));
		return read(operation, entry);
	}

	/**
	 * The latest publication of an operation.
	 * @param operation operation code
	 * @return the publication
	 * @throws PublicationProblem 404 if it has none yet, 503 if its snapshot has not been
	 * read here yet
	 */
	public Snapshot latest(String operation) {
		PublicationEntry entry = entries(operation).stream()
			.max(Comparator.comparingInt(PublicationEntry::number))
			.orElseThrow(() -> PublicationProblem.notPublishedYet(operation));
		return read(operation, entry);
	}

	/**
	 * The totals of an operation's latest publication, as the live totals look.
	 * @param operation operation code
	 * @return the totals with their publication
	 */
	public OperationTotalsView latestTotals(String operation) {
		return PublishedRendering.totals(latest(operation), catalogue());
	}

	/**
	 * The council summary of an operation's latest publication.
	 * @param operation operation code
	 * @param lang the language
	 * @param format the format, or null
	 * @param accept the {@code Accept} header, or null
	 * @return the answer
	 */
	public ResponseEntity<?> latestSummary(String operation, String lang, String format, String accept) {
		Summaries.check(lang, format);
		return PublishedRendering.summary(latest(operation), catalogue(), lang, format, accept);
	}

	/**
	 * The latest publication of every operation that has one.
	 * @return the publications, in no particular order
	 */
	public List<Snapshot> latestOfEach() {
		List<Snapshot> latest = new ArrayList<>();
		for (RegisterDocument document : this.register.all()) {
			// a snapshot this instance has not read yet leaves its operation out of the
			// list
			// (for a moment) rather than failing the whole list
			document.latestPublication()
				.flatMap((entry) -> this.snapshots.find(entry.snapshotKey(), Duration.ZERO)
					.map((figures) -> Snapshot.of(entry, figures)))
				.ifPresent(latest::add);
		}
		return latest;
	}

	private Snapshot read(String operation, PublicationEntry entry) {
		return this.snapshots.find(entry.snapshotKey(), this.wait)
			.map((figures) -> Snapshot.of(entry, figures))
			.orElseThrow(() -> PublicationProblem.unavailable(operation, entry.number()));
	}

}
