package org.jointops.aggregator.topology;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jointops.aggregator.topology.DeadLetterHeaders.Kind;
import org.jointops.catalogue.Violation;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.RegistryFailures;
import org.jointops.wire.StrictUtf8;
import org.jointops.wire.Topics;

/**
 * Decodes a findings record and checks it: the key is the report id, the state is the
 * topic's, the report follows the current catalogue's rules (retired categories and
 * operations included: what was accepted stays counted). A record that breaks the rules
 * is checked again once every catalogue version written so far has been read, then, if it
 * still fails, becomes a dead letter with the reason in its headers; nothing about it
 * reaches the totals. A value that cannot be decoded becomes a dead letter only if that
 * is the record's fault ({@link RegistryFailures}): when the schema registry or the way
 * to it fails, the record is read again, never dead-lettered.
 */
class DecodeAndCheck implements FixedKeyProcessor<byte[], byte[], Decoded> {

	private final CurrentCatalogue catalogue;

	private final Duration catchUp;

	private final Deserializer<ReportRevision> deserializer;

	private FixedKeyProcessorContext<byte[], Decoded> context;

	DecodeAndCheck(CurrentCatalogue catalogue, Duration catchUp, Deserializer<ReportRevision> deserializer) {
		this.catalogue = catalogue;
		this.catchUp = catchUp;
		this.deserializer = deserializer;
	}

	@Override
	public void init(FixedKeyProcessorContext<byte[], Decoded> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<byte[], byte[]> record) {
		RecordMetadata source = this.context.recordMetadata().orElseThrow();
		ReportRevision report;
		try {
			report = this.deserializer.deserialize(source.topic(), record.headers(), record.value());
		}
		catch (SerializationException ex) {
			if (RegistryFailures.isTransient(ex)) {
				// a schema registry that answers 5xx or cannot be reached: not the
				// record's fault, so it must not become a dead letter; the stream thread
				// fails, is replaced (StreamsConfiguration) and reads the record again
				// from the last commit
				throw ex;
			}
			deadLetter(record, source, Kind.UNDECODABLE, ex.getMessage(), ex);
			return;
		}
		if (report == null) {
			deadLetter(record, source, Kind.UNDECODABLE, "empty value (tombstone)", null);
			return;
		}
		String key = StrictUtf8.decode(record.key()).orElse(null);
		if (!report.getReportId().equals(key)) {
			deadLetter(record, source, Kind.BAD_KEY, "key " + ((key != null) ? "'" + key + "'" : "missing or not UTF-8")
					+ " is not the report id '" + report.getReportId() + "'", null);
			return;
		}
		String topicState = Topics.stateOf(source.topic());
		if (!topicState.equals(report.getState())) {
			deadLetter(record, source, Kind.WRONG_STATE,
					"report of " + report.getState() + " on the findings topic of " + topicState, null);
			return;
		}
		List<Violation> violations = this.catalogue.rules().check(report);
		if (!violations.isEmpty()) {
			// a producer may have accepted it against a version this instance had not
			// read yet: checked again against every version written so far, and never
			// dead-lettered without that check
			if (!this.catalogue.awaitCaughtUp(this.catchUp)) {
				throw new CatalogueBehindException("Catalogue not caught up within " + this.catchUp + " for report "
						+ report.getState() + "/" + report.getReportId() + " (" + violations
						+ "); the record is read again from the last commit");
			}
			violations = this.catalogue.rules().check(report);
		}
		if (!violations.isEmpty()) {
			deadLetter(record, source, Kind.BREAKS_RULES, "breaks the report rules: " + violations, null);
			return;
		}
		// the record's own headers and where it was read from go with it, for its dead
		// letter should latest-revision refuse it (NOT_THE_OWNER)
		Headers headers = Provenance.of(source).addTo(new RecordHeaders(record.headers().toArray()));
		this.context.forward(record.withValue(Decoded.valid(report)).withHeaders(headers));
	}

	private void deadLetter(FixedKeyRecord<byte[], byte[]> record, RecordMetadata source, Kind kind, String reason,
			Exception cause) {
		Headers headers = DeadLetterHeaders.of(record.headers(), kind, reason, cause, Provenance.of(source));
		this.context.forward(record.withValue(Decoded.deadLetter(record.value())).withHeaders(headers));
	}

}
