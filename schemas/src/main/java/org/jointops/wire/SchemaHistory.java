package org.jointops.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.jointops.ledger.Activity;
import org.jointops.ledger.Checkpoint;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.ReportEntry;
import org.jointops.ledger.StandingReport;
import org.jointops.ledger.Tally;
import org.jointops.report.ReportRevision;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;

/**
 * Every released version of every top-level jointops schema, read from the classpath
 * folder {@code avro-history/<namespace as folders>/<Name>/v<N>.avsc} (source:
 * {@code schemas/src/main/avro-history}). Readers use it to resolve data written with any
 * earlier version; {@code SchemaEvolutionTests} proves each version compatible with the
 * ones before it.
 */
final class SchemaHistory implements SchemaStore {

	/** The record types that travel as messages (on topics or in state stores). */
	public static final List<Class<? extends SpecificRecord>> MESSAGE_TYPES = List.of(ReportRevision.class,
			CouncilTotals.class, StandingReport.class, ReportChange.class, OperationLedger.class, OperationState.class,
			Tally.class, Checkpoint.class, ReportEntry.class, Activity.class, PublishedFigures.class);

	private static final SchemaHistory BUNDLED = load(SchemaHistory.class.getClassLoader());

	private final Map<String, List<Schema>> versionsByName;

	private final Map<Long, Schema> byFingerprint;

	private SchemaHistory(Map<String, List<Schema>> versionsByName) {
		this.versionsByName = versionsByName;
		Map<Long, Schema> fingerprints = new LinkedHashMap<>();
		versionsByName.values()
			.forEach((versions) -> versions.forEach((schema) -> fingerprints.put(fingerprint(schema), schema)));
		this.byFingerprint = Collections.unmodifiableMap(fingerprints);
	}

	/**
	 * The history bundled with this jar.
	 * @return the released versions of {@link #MESSAGE_TYPES}
	 */
	static SchemaHistory bundled() {
		return BUNDLED;
	}

	/**
	 * A history of given versions, e.g. to read data of a version that is not bundled.
	 * @param versionsByName released versions by full name, oldest first
	 * @return the history
	 */
	static SchemaHistory of(Map<String, List<Schema>> versionsByName) {
		return new SchemaHistory(Map.copyOf(versionsByName));
	}

	static SchemaHistory load(ClassLoader classLoader) {
		Map<String, List<Schema>> versions = new LinkedHashMap<>();
		for (Class<? extends SpecificRecord> type : MESSAGE_TYPES) {
			String fullName = type.getName();
			List<Schema> released = new ArrayList<>();
			for (int version = 1;; version++) {
				String resource = folderOf(fullName) + "/v" + version + ".avsc";
				try (InputStream in = classLoader.getResourceAsStream(resource)) {
					if (in == null) {
						break;
					}
					released.add(new Schema.Parser().parse(in));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read " + resource, ex);
				}
			}
			if (released.isEmpty()) {
				throw new IllegalStateException("No released version of " + fullName + " under " + folderOf(fullName));
			}
			versions.put(fullName, List.copyOf(released));
		}
		return new SchemaHistory(Collections.unmodifiableMap(versions));
	}

	/**
	 * Classpath folder of a type's released versions.
	 * @param fullName the record's full name, e.g.
	 * {@code org.jointops.report.ReportRevision}
	 * @return e.g. {@code avro-history/org/jointops/report/ReportRevision}
	 */
	static String folderOf(String fullName) {
		return "avro-history/" + fullName.replace('.', '/');
	}

	/**
	 * The 64-bit Rabin fingerprint of a schema's parsing canonical form, as single-object
	 * encoding writes it.
	 * @param schema a schema
	 * @return its fingerprint
	 */
	static long fingerprint(Schema schema) {
		return SchemaNormalization.parsingFingerprint64(schema);
	}

	/**
	 * Released versions of one type, oldest first.
	 * @param fullName the record's full name
	 * @return its versions, empty if the type is unknown
	 */
	List<Schema> versions(String fullName) {
		return this.versionsByName.getOrDefault(fullName, List.of());
	}

	/**
	 * The released versions of all types, oldest first per type.
	 * @return versions by full name
	 */
	Map<String, List<Schema>> all() {
		return this.versionsByName;
	}

	@Override
	public Schema findByFingerprint(long fingerprint) {
		return this.byFingerprint.get(fingerprint);
	}

}
