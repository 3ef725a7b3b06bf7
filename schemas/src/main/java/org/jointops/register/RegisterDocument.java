package org.jointops.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of an operation's register as the {@code council.register} topic carries
 * it: the whole register, its version and who changed it when. Like the catalogue, every
 * record has a key of its own ({@link #newKey(String, long)}), so compaction never
 * removes one: when two writers raced for the same version of an operation, the first on
 * the topic is the one every reader applies.
 *
 * @param operation the operation
 * @param version strictly increasing from 1 per operation (0: nothing recorded yet)
 * @param changedAt when the change was made
 * @param changedBy the reader who made it
 * @param rates every exchange rate ever set, corrections included, in the order set
 * @param transitions every status change, in the order made
 * @param publications every publication, by number
 */
public record RegisterDocument(String operation, long version, Instant changedAt, String changedBy,
		List<ExchangeRate> rates, List<Transition> transitions, List<PublicationEntry> publications) {

	/** Unknown properties are ignored: a later format may add some. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Creates a document; absent lists are empty.
	 * @param operation the operation
	 * @param version its version
	 * @param changedAt when
	 * @param changedBy who
	 * @param rates the exchange rates
	 * @param transitions the status changes
	 * @param publications the publications
	 */
	public RegisterDocument {
		rates = (rates != null) ? List.copyOf(rates) : List.of();
		transitions = (transitions != null) ? List.copyOf(transitions) : List.of();
		publications = (publications != null) ? List.copyOf(publications) : List.of();
	}

	/**
	 * The register of an operation before anything was recorded: version 0.
	 * @param operation the operation
	 * @return an empty register
	 */
	public static RegisterDocument empty(String operation) {
		return new RegisterDocument(operation, 0, null, null, List.of(), List.of(), List.of());
	}

	/**
	 * A key for a new record: the operation, its version and a random part.
	 * @param operation the operation
	 * @param version the record's version
	 * @return e.g. {@code ILLEGAL-2017/3/1b4e28ba-2fa1-11d2-883f-0016d3cca427}
	 */
	public static String newKey(String operation, long version) {
		return operation + "/" + version + "/" + UUID.randomUUID();
	}

	/**
	 * The status of a member state's figures for a stage.
	 * @param stage the stage
	 * @param state the member state
	 * @return its status: OPEN until a transition says otherwise
	 */
	public SubmissionStatus status(int stage, String state) {
		return lastTransition(stage, state).map(Transition::status).orElse(SubmissionStatus.OPEN);
	}

	/**
	 * The latest status change of a member state's figures for a stage.
	 * @param stage the stage
	 * @param state the member state
	 * @return the transition, if any
	 */
	public Optional<Transition> lastTransition(int stage, String state) {
		Transition last = null;
		for (Transition transition : this.transitions) {
			if (transition.isOf(stage, state)) {
				last = transition;
			}
		}
		return Optional.ofNullable(last);
	}

	/**
	 * The exchange rates in force at an instant: per stage and currency, the one recorded
	 * last at or before it.
	 * @param asOf the instant, or null for now (every rate recorded)
	 * @return the rates by stage and currency
	 */
	public Map<RateKey, ExchangeRate> ratesInForce(Instant asOf) {
		Map<RateKey, ExchangeRate> inForce = new LinkedHashMap<>();
		for (ExchangeRate rate : this.rates) {
			if (asOf == null || !rate.recordedAt().isAfter(asOf)) {
				inForce.put(new RateKey(rate.stage(), rate.currency()), rate);
			}
		}
		return inForce;
	}

	/**
	 * The next version with a change.
	 * @param at when it is made
	 * @param by who makes it
	 * @param rates the rates after it
	 * @param transitions the transitions after it
	 * @param publications the publications after it
	 * @return the next version
	 */
	public RegisterDocument next(Instant at, String by, List<ExchangeRate> rates, List<Transition> transitions,
			List<PublicationEntry> publications) {
		return new RegisterDocument(this.operation, this.version + 1, at, by, rates, transitions, publications);
	}

	/**
	 * The next version with one more exchange rate (a new one, or a correction).
	 * @param rate the rate
	 * @return the next version
	 */
	public RegisterDocument withRate(ExchangeRate rate) {
		List<ExchangeRate> rates = new ArrayList<>(this.rates);
		rates.add(rate);
		return next(rate.recordedAt(), rate.recordedBy(), rates, this.transitions, this.publications);
	}

	/**
	 * The next version with one more status change.
	 * @param transition the change, already checked
	 * ({@link #check(TransitionAction, int, String, String)})
	 * @return the next version
	 */
	public RegisterDocument withTransition(Transition transition) {
		List<Transition> transitions = new ArrayList<>(this.transitions);
		transitions.add(transition);
		return next(transition.at(), transition.by(), this.rates, transitions, this.publications);
	}

	/**
	 * The next version with one more publication.
	 * @param publication the publication, numbered {@link #nextPublicationNumber()}
	 * @return the next version
	 */
	public RegisterDocument withPublication(PublicationEntry publication) {
		List<PublicationEntry> publications = new ArrayList<>(this.publications);
		publications.add(publication);
		publications.sort(Comparator.comparingInt(PublicationEntry::number));
		return next(publication.publishedAt(), publication.publishedBy(), this.rates, this.transitions, publications);
	}

	/**
	 * The number the next publication gets.
	 * @return one more than the last
	 */
	public int nextPublicationNumber() {
		return this.publications.stream().mapToInt(PublicationEntry::number).max().orElse(0) + 1;
	}

	/**
	 * A publication by number.
	 * @param number its number
	 * @return it, if published
	 */
	public Optional<PublicationEntry> publication(int number) {
		return this.publications.stream().filter((entry) -> entry.number() == number).findFirst();
	}

	/**
	 * The latest publication.
	 * @return it, if any
	 */
	public Optional<PublicationEntry> latestPublication() {
		return this.publications.stream().max(Comparator.comparingInt(PublicationEntry::number));
	}

	/**
	 * Why an action cannot be taken now, if it cannot.
	 * @param action the action
	 * @param stage the stage
	 * @param state the member state
	 * @param comment the comment given, or null
	 * @return the reason it is refused, empty if it can be taken
	 */
	public Optional<String> check(TransitionAction action, int stage, String state, String comment) {
		SubmissionStatus status = status(stage, state);
		if (!action.allowedFrom(status)) {
			return Optional.of("Stage " + stage + " of " + this.operation + " for " + state + " is " + status + "; "
					+ action + " is possible only from " + action.from().stream().sorted().toList());
		}
		if (action.needsComment() && (comment == null || comment.isBlank())) {
			return Optional.of(action + " needs a comment saying why");
		}
		return Optional.empty();
	}

	/**
	 * Writes the record's value.
	 * @return the document as JSON
	 */
	public String toJson() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * Reads a record's value.
	 * @param json the value
	 * @return the document
	 * @throws InvalidRegisterException if it is not a register document
	 */
	public static RegisterDocument fromJson(String json) {
		if (json == null) {
			throw new InvalidRegisterException("empty value (tombstone)");
		}
		try {
			RegisterDocument document = JSON.readValue(json, RegisterDocument.class);
			if (document.operation() == null || document.version() < 1) {
				throw new InvalidRegisterException("a register document needs an operation and a version from 1");
			}
			return document;
		}
		catch (JacksonException ex) {
			throw new InvalidRegisterException("not a register document: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * A stage and currency, the key of an exchange rate.
	 *
	 * @param stage the stage number
	 * @param currency the ISO 4217 code
	 */
	public record RateKey(int stage, String currency) {

	}

}
