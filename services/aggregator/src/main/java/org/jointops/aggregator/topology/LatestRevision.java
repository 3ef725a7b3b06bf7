package org.jointops.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.ledger.ReportKey;
import org.jointops.aggregator.topology.DeadLetterHeaders.Kind;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.StandingReport;
import org.jointops.report.ReportRevision;
import org.jointops.wire.AvroSerdes;
import org.jointops.wire.Topics;

/**
 * Keeps the standing revision of every report (store {@value LedgerStores#REVISIONS}) and
 * emits a change of contribution, keyed by operation, when a higher revision replaces it.
 * The same revision again and any lower revision change nothing: the first of equal
 * revisions stands. A withdrawn revision contributes nothing.
 * <p>
 * A report belongs to the agency of the first revision of it that stood (its owner): a
 * revision or withdrawal of another agency, whatever its number, changes nothing and is
 * sent to the dead-letter topic ({@link Kind#NOT_THE_OWNER}), keyed by report id, its
 * value the revision in the findings topics' wire format, with the headers it had on its
 * findings topic and where it was read from there. Since only the owner's revisions ever
 * stand, the agency of the standing revision is the owner: the store needs nothing more.
 * Two agencies that send the first revision of one new report id at once are ordered by
 * the report's findings partition (the key is the report id): the first one read is the
 * owner's.
 * <p>
 * Its input is keyed by {@link ReportKey}, so every revision of a report reaches the same
 * task, in the order of its findings partition.
 */
class LatestRevision implements Processor<ReportKey, ReportRevision, String, Revised> {

	/** The encoding of a dead letter's value when the wire serializer fails. */
	static final String SINGLE_OBJECT_ENCODING = "avro-single-object";

	private static final Serializer<ReportRevision> SINGLE_OBJECT = AvroSerdes.of(ReportRevision.class).serializer();

	private final Serializer<ReportRevision> wire;

	private KeyValueStore<ReportKey, StandingReport> store;

	private ProcessorContext<String, Revised> context;

	/**
	 * Creates the processor.
	 * @param wire the serializer of the findings topics' wire format, for the value of a
	 * dead letter
	 */
	LatestRevision(Serializer<ReportRevision> wire) {
		this.wire = wire;
	}

	@Override
	public void init(ProcessorContext<String, Revised> context) {
		this.context = context;
		this.store = context.getStateStore(LedgerStores.REVISIONS);
	}

	@Override
	public void process(Record<ReportKey, ReportRevision> record) {
		ReportRevision incoming = record.value();
		ReportKey key = record.key();
		StandingReport standing = this.store.get(key);
		if (standing != null && !standing.getCurrent().getAgency().equals(incoming.getAgency())) {
			notTheOwner(record, standing.getCurrent().getAgency());
			return;
		}
		if (standing != null && incoming.getRevision() <= standing.getCurrent().getRevision()) {
			return;
		}
		int accepted = (standing != null) ? standing.getRevisionsAccepted() + 1 : 1;
		Instant at = changedAt(incoming, standing);
		this.store.put(key, new StandingReport(incoming, accepted, at));
		ReportRevision before = (standing != null) ? counting(standing.getCurrent()) : null;
		ReportRevision after = counting(incoming);
		if (before != null && after != null && !before.getOperation().equals(after.getOperation())) {
			forward(record, before.getOperation(), new ReportChange(before, null, at, accepted));
			forward(record, after.getOperation(), new ReportChange(null, after, at, accepted));
		}
		else if (before != null || after != null) {
			String operation = ((after != null) ? after : before).getOperation();
			forward(record, operation, new ReportChange(before, after, at, accepted));
		}
	}

	private void forward(Record<ReportKey, ReportRevision> record, String operation, ReportChange change) {
		this.context
			.forward(record.withKey(operation).withValue(Revised.change(change)).withHeaders(new RecordHeaders()));
	}

	private void notTheOwner(Record<ReportKey, ReportRevision> record, String owner) {
		ReportRevision incoming = record.value();
		Headers original = new RecordHeaders(record.headers().toArray());
		Provenance source = Provenance.takeFrom(original).orElse(null);
		String reason = "report " + incoming.getReportId() + " of " + incoming.getState() + " was first sent by "
				+ owner + "; only " + owner + " may revise or withdraw it, not " + incoming.getAgency() + " (revision "
				+ incoming.getRevision() + (incoming.getWithdrawn() ? ", a withdrawal" : "") + ")";
		Headers headers = DeadLetterHeaders.of(original, Kind.NOT_THE_OWNER, reason, null, source);
		String topic = (source != null) ? source.topic() : Topics.findings(incoming.getState());
		byte[] value;
		try {
			value = this.wire.serialize(topic, headers, incoming);
		}
		catch (SerializationException ex) {
			// e.g. Confluent's serializer whose registry refuses this service's writes:
			// the dead letter is never lost for it, it says how its value is encoded
			value = SINGLE_OBJECT.serialize(topic, incoming);
			headers.add(DeadLetterHeaders.VALUE_ENCODING, SINGLE_OBJECT_ENCODING.getBytes(StandardCharsets.UTF_8));
		}
		this.context
			.forward(record.withKey(incoming.getReportId()).withValue(Revised.deadLetter(value)).withHeaders(headers));
	}

	/*
	 * The time of a report's change: its new revision's submission time, unless the
	 * report's previous change was later (a revision stamped by a clock behind), so that
	 * a report's changes are in time order.
	 */
	private static Instant changedAt(ReportRevision incoming, StandingReport standing) {
		Instant submitted = incoming.getSubmittedAt();
		if (standing == null) {
			return submitted;
		}
		Instant previous = (standing.getChangedAt() != null) ? standing.getChangedAt()
				: standing.getCurrent().getSubmittedAt();
		return previous.isAfter(submitted) ? previous : submitted;
	}

	private static ReportRevision counting(ReportRevision revision) {
		return revision.getWithdrawn() ? null : revision;
	}

}
