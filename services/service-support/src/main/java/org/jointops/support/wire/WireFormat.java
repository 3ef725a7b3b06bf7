package org.jointops.support.wire;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jointops.report.ReportRevision;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.AvroSingleObjectDeserializer;
import org.jointops.wire.AvroSingleObjectSerializer;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.jointops.wire.TypedSerde;

/**
 * The wire topics with their serdes: keys are strings, values are encoded in the
 * configured wire format ({@link WireProperties}: Avro single-object encoding by default,
 * Confluent's Schema Registry format by configuration alone).
 */
public final class WireFormat {

	private final WireProperties properties;

	/**
	 * Creates the wire format of a service.
	 * @param properties the configured serializer, deserializer and their properties
	 */
	public WireFormat(WireProperties properties) {
		this.properties = properties;
	}

	/**
	 * The default wire format, Avro single-object encoding, without configuration: for
	 * tools and tests that run outside a Spring context.
	 * @return the wire format
	 */
	public static WireFormat singleObject() {
		return new WireFormat(
				new WireProperties(AvroSingleObjectSerializer.class, AvroSingleObjectDeserializer.class, Map.of()));
	}

	/**
	 * The findings topic of a member state: key the report id, value a report revision.
	 * @param state the ISO 3166-1 alpha-3 code of a member state
	 * @return the topic
	 */
	public Topic<String, ReportRevision> findings(String state) {
		return new Topic<>(Topics.findings(state), Serdes.String(), reportRevisions());
	}

	/**
	 * The serde of report revisions on the findings topics, for readers that subscribe to
	 * them by pattern ({@link Topics#FINDINGS_PATTERN}).
	 * @return a serde of report revisions only
	 */
	public Serde<ReportRevision> reportRevisions() {
		return TypedSerde.of(ReportRevision.class, serializer(), deserializer());
	}

	/**
	 * The council totals topic: key the operation, value its totals.
	 * @return the topic
	 */
	public Topic<String, CouncilTotals> councilTotals() {
		return new Topic<>(Topics.COUNCIL_TOTALS, Serdes.String(),
				TypedSerde.of(CouncilTotals.class, serializer(), deserializer()));
	}

	@SuppressWarnings("unchecked")
	private Serializer<Object> serializer() {
		Serializer<Object> serializer = instantiate(this.properties.serializer());
		serializer.configure(Map.copyOf(this.properties.properties()), false);
		return serializer;
	}

	@SuppressWarnings("unchecked")
	private Deserializer<Object> deserializer() {
		Deserializer<Object> deserializer = instantiate(this.properties.deserializer());
		deserializer.configure(Map.copyOf(this.properties.properties()), false);
		return deserializer;
	}

	private static <T> T instantiate(Class<? extends T> type) {
		try {
			return type.getDeclaredConstructor().newInstance();
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot create " + type.getName() + ": " + ex, ex);
		}
	}

}
