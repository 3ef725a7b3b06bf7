package org.jointops.aggregator.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jointops.aggregator.query.TotalsFilter;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the reader of the current request may ask for, beyond the paths
 * {@link SecurityConfiguration} lets it reach:
 * <ul>
 * <li>council totals filtered by state, stage and category: every role (the council
 * totals already break down by state and stage);</li>
 * <li>totals filtered by agency: the secretariat; a state only together with
 * {@code state=} its own state alone; never an observer;</li>
 * <li>reports (traceability): the secretariat; a state only its own state's (without a
 * state filter, its own state's; {@code state=} another state is 403);</li>
 * <li>completeness: the secretariat; a state sees only its own state's rows.</li>
 * <li>submissions: the secretariat; a state sees its own state's rows and history, and
 * alone submits its own figures; the secretariat alone accepts, returns and reopens.</li>
 * <li>an observer reads published figures only ({@link #readsPublishedFiguresOnly()}):
 * its totals and summary are those of the latest publication, whole (no filter, no
 * {@code asOf}), and the live feed is closed to it.</li>
 * </ul>
 */
public final class ReaderAccess {

	private ReaderAccess() {
	}

	/**
	 * Checks a totals query.
	 * @param filter the query's filter
	 * @throws ForbiddenException if the reader may not ask it
	 */
	public static void checkTotals(TotalsFilter filter) {
		ReaderPrincipal reader = current();
		if (filter.agencies().isEmpty() || reader.role() == ReaderRole.SECRETARIAT) {
			return;
		}
		if (reader.role() == ReaderRole.OBSERVER) {
			throw new ForbiddenException("An observer sees council totals only, not a breakdown by agency");
		}
		if (!filter.states().equals(Set.of(reader.state()))) {
			throw new ForbiddenException("A breakdown by agency only of your own state: add state=" + reader.state());
		}
	}

	/**
	 * The filter a traceability query runs with.
	 * @param filter the query's filter
	 * @return the filter, restricted to the reader's state for a state
	 * @throws ForbiddenException if the reader may not ask it
	 */
	public static TotalsFilter reports(TotalsFilter filter) {
		ReaderPrincipal reader = current();
		return switch (reader.role()) {
			case SECRETARIAT -> filter;
			case STATE -> {
				if (filter.states().isEmpty()) {
					yield new TotalsFilter(Set.of(reader.state()), filter.stages(), filter.agencies(),
							filter.categories());
				}
				if (!filter.states().equals(Set.of(reader.state()))) {
					throw new ForbiddenException("Reports only of your own state, " + reader.state());
				}
				yield filter;
			}
			case OBSERVER -> throw new ForbiddenException("An observer has no traceability to single reports");
		};
	}

	/**
	 * Which state's completeness the reader sees.
	 * @return the reader's state for a state, empty (every state) for the secretariat
	 * @throws ForbiddenException for an observer
	 */
	public static Optional<String> completenessState() {
		ReaderPrincipal reader = current();
		return switch (reader.role()) {
			case SECRETARIAT -> Optional.empty();
			case STATE -> Optional.of(reader.state());
			case OBSERVER -> throw new ForbiddenException("An observer sees council totals and summaries only");
		};
	}

	/**
	 * Whose submission statuses the reader sees.
	 * @return the reader's state for a state, empty (every state) for the secretariat
	 * @throws ForbiddenException for an observer
	 */
	public static Optional<String> submissionsState() {
		ReaderPrincipal reader = current();
		return switch (reader.role()) {
			case SECRETARIAT -> Optional.empty();
			case STATE -> Optional.of(reader.state());
			case OBSERVER -> throw new ForbiddenException("An observer sees published figures only, not submissions");
		};
	}

	/**
	 * Checks that the reader may read the history of a state's submissions.
	 * @param state the member state
	 * @throws ForbiddenException unless the secretariat or that state
	 */
	public static void checkSubmissionHistory(String state) {
		submissionsState().filter((own) -> !own.equals(state)).ifPresent((own) -> {
			throw new ForbiddenException("Submissions only of your own state, " + own);
		});
	}

	/**
	 * Checks that the reader may submit a state's figures: that state's reader alone.
	 * @param state the member state
	 * @throws ForbiddenException otherwise
	 */
	public static void checkSubmitter(String state) {
		ReaderPrincipal reader = current();
		if (reader.role() != ReaderRole.STATE) {
			throw new ForbiddenException("Only a member state submits its own figures; the secretariat accepts, "
					+ "returns or reopens them");
		}
		if (!reader.state().equals(state)) {
			throw new ForbiddenException("You may submit the figures of your own state only, " + reader.state());
		}
	}

	/**
	 * Checks that the reader is the secretariat.
	 * @param what what it asked to do
	 * @throws ForbiddenException otherwise
	 */
	public static void checkSecretariat(String what) {
		if (current().role() != ReaderRole.SECRETARIAT) {
			throw new ForbiddenException("Only the secretariat may " + what);
		}
	}

	/**
	 * The reader's name, as transitions record it.
	 * @return the name its token is configured under
	 */
	public static String readerName() {
		return current().name();
	}

	/**
	 * Whether the reader of the current request sees published figures only, never live
	 * ones: an observer.
	 * @return true for an observer
	 */
	public static boolean readsPublishedFiguresOnly() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ReaderPrincipal reader
				&& reader.role() == ReaderRole.OBSERVER;
	}

	/**
	 * Checks a query of published figures by a reader who sees nothing else: the latest
	 * publication, whole.
	 * @param filter the query's filter
	 * @param asOf the instant asked for, or null
	 * @throws ForbiddenException for any filter or instant
	 */
	public static void checkPublished(TotalsFilter filter, Instant asOf) {
		if (!filter.agencies().isEmpty()) {
			throw new ForbiddenException("An observer sees council totals only, not a breakdown by agency");
		}
		if (asOf != null) {
			throw new ForbiddenException("An observer reads published figures only, not the figures at an instant "
					+ "(asOf): see /publications for every publication");
		}
		if (!filter.states().isEmpty() || !filter.stages().isEmpty() || !filter.categories().isEmpty()) {
			throw new ForbiddenException("An observer reads the latest publication whole: its lines give the "
					+ "figures by member state (byState) and by stage (byStage); no filters");
		}
	}

	private static ReaderPrincipal current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ReaderPrincipal reader) {
			return reader;
		}
		throw new ForbiddenException("Not a reader");
	}

}
