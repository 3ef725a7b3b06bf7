package org.jointops.support.wire;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How values on the wire topics (findings and council totals) are encoded: the serializer
 * and deserializer classes and their properties. The default is Avro single-object
 * encoding; the Confluent Schema Registry format is chosen here alone
 * ({@code docs/encoding.md}).
 *
 * @param serializer value serializer class ({@code jointops.wire.serializer}), by default
 * {@link org.jointops.wire.AvroSingleObjectSerializer}
 * @param deserializer value deserializer class ({@code jointops.wire.deserializer}), by
 * default {@link org.jointops.wire.AvroSingleObjectDeserializer}
 * @param properties passed to both on configuration, e.g. {@code schema.registry.url}
 */
@ConfigurationProperties("jointops.wire")
@SuppressWarnings("rawtypes")
public record WireProperties(
		@DefaultValue("org.jointops.wire.AvroSingleObjectSerializer") Class<? extends Serializer> serializer,
		@DefaultValue("org.jointops.wire.AvroSingleObjectDeserializer") Class<? extends Deserializer> deserializer,
		@DefaultValue Map<String, String> properties) {
}
