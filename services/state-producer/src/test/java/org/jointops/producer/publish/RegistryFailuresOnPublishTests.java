package org.jointops.producer.publish;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;
import org.jointops.support.replication.ReplicationProperties;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * With Confluent's serializer, encoding a revision asks the Schema Registry; a registry
 * that fails is not the report's fault: the report is not accepted and the agency is told
 * to retry (503, {@link KafkaUnavailableException}), never refused as if it could not be
 * encoded (500). Confluent's serializer fails with a {@link SerializationException}
 * caused by its {@code RestClientException}; a class of the same name and shape stands in
 * for it.
 */
class RegistryFailuresOnPublishTests {

	private final ReportRevision report = illegal2017("KAZ", "KAZ-1")
		.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 5)))
		.build();

	@Test
	void aRegistryThatAnswersAServerErrorIsAnsweredRetry() {
		KafkaReportPublisher publisher = publisherWhoseSerializerThrows(new SerializationException(
				"Error registering Avro schema", new RestClientException("Internal Server Error", 503, 50301)));

		assertThatExceptionOfType(KafkaUnavailableException.class).isThrownBy(() -> publisher.publish(this.report))
			.withMessageStartingWith("the schema registry failed");
		assertThat(publisher.publishAll(List.of(this.report))).singleElement()
			.satisfies((outcome) -> assertThat(outcome.failure()).isNotNull());
	}

	@Test
	void aRegistryOutOfReachIsAnsweredRetry() {
		KafkaReportPublisher publisher = publisherWhoseSerializerThrows(new SerializationException(
				"Error serializing Avro message", new ConnectException("Connection refused")));

		assertThatExceptionOfType(KafkaUnavailableException.class).isThrownBy(() -> publisher.publish(this.report));
	}

	@Test
	void aRevisionThatCannotBeEncodedIsAServerError() {
		KafkaReportPublisher publisher = publisherWhoseSerializerThrows(
				new SerializationException("Error registering Avro schema", new RestClientException(
						"Schema being registered is incompatible " + "with an earlier schema", 409, 409)));

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> publisher.publish(this.report))
			.withMessage("Cannot encode a valid revision");
	}

	private static KafkaReportPublisher publisherWhoseSerializerThrows(SerializationException failure) {
		Serializer<ReportRevision> serializer = (topic, revision) -> {
			throw failure;
		};
		KafkaTemplate<String, ReportRevision> template = new KafkaTemplate<>(
				new MockProducerFactory<>(() -> new MockProducer<>(true, null, new StringSerializer(), serializer)));
		// longer than the producer's default bounds (MockProducerFactory has no
		// configuration), so that the revision is sent at all
		ProducerProperties properties = new ProducerProperties("KAZ", Duration.ofMinutes(10),
				new ProducerProperties.Topic(3), DataSize.ofKilobytes(256),
				new ProducerProperties.Batch(1000, 20000, DataSize.ofMegabytes(8)), Map.of());
		FindingsTopic findingsTopic = new FindingsTopic(null, properties,
				new ReplicationProperties((short) 1, 1, Duration.ofMinutes(1)));
		ReportClaims noOwners = (revisions, timeout) -> Map.of();
		return new KafkaReportPublisher(template, properties, findingsTopic, noOwners);
	}

}
