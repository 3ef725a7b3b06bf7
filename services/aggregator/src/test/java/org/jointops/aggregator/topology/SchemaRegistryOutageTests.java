package org.jointops.aggregator.topology;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Reports;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The Schema Registry path: a registry that fails never costs a valid report its place in
 * the totals. A real HTTP server stands in for the registry, and a deserializer that asks
 * it for the schema as Confluent's does, and fails as Confluent's does (a
 * {@link SerializationException} caused by a {@link RestClientException} of the same name
 * and shape), stands in for Confluent's, which is not on the class path here. A failure
 * thrown out of the topology fails the stream thread; the thread is replaced and reads
 * the record again from the last commit ({@code StreamsConfiguration}), which here is the
 * same record piped again.
 */
class SchemaRegistryOutageTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	@TempDir
	Path stateDir;

	private final WireFormat wire = WireFormat.singleObject();

	private final RegistryStandIn registry = new RegistryStandIn();

	private final Map<String, CouncilTotals> latest = new HashMap<>();

	private TopologyTestDriver driver;

	private TestOutputTopic<String, CouncilTotals> councilTotals;

	private TestOutputTopic<byte[], byte[]> deadLetters;

	@BeforeEach
	void startTopology() throws IOException {
		this.registry.start();
		StreamsBuilder builder = new StreamsBuilder();
		RegistryDeserializer deserializer = new RegistryDeserializer(this.registry.url(),
				this.wire.reportRevisions().deserializer());
		CouncilTotalsTopology.build(builder, new SwappableCatalogue(CatalogueLoader.bundled()), Duration.ofSeconds(10),
				Serdes.serdeFrom(this.wire.reportRevisions().serializer(), deserializer), this.wire.councilTotals(), 3,
				HistoryProperties.DEFAULTS);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "schema-registry-outage-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), properties);
		Topic<String, CouncilTotals> totals = this.wire.councilTotals();
		this.councilTotals = this.driver.createOutputTopic(totals.name(), totals.keyDeserializer(),
				totals.valueDeserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.DEAD_LETTER, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	@AfterEach
	void stopTopologyAndRegistry() {
		this.driver.close();
		this.registry.stop();
	}

	@Test
	void readsARecordAgainWhileTheRegistryAnswers503AndCountsItOnceItRecovers() {
		this.registry.failNext(2, 503, 50301);
		ReportRevision report = illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build();

		for (int attempt = 1; attempt <= 2; attempt++) {
			assertThatExceptionOfType(StreamsException.class).as("attempt %d", attempt)
				.isThrownBy(() -> send(report))
				.withRootCauseInstanceOf(RestClientException.class);
			assertThat(this.deadLetters.isEmpty()).as("not the record's fault: no dead letter").isTrue();
		}
		send(report);

		assertThat(this.registry.requests()).as("the record was read three times").isEqualTo(3);
		assertThat(this.deadLetters.isEmpty()).isTrue();
		CouncilTotals totals = totals();
		assertThat(totals.getReports()).as("counted exactly once").isEqualTo(1);
		assertThat(totals.getLines()).singleElement()
			.satisfies((line) -> assertThat(line.getTotal()).isEqualByComparingTo("5"));
	}

	@Test
	void readsARecordAgainWhileTheRegistryCannotBeReached() {
		this.registry.stop();
		ReportRevision report = illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build();

		assertThatExceptionOfType(StreamsException.class).isThrownBy(() -> send(report))
			.withRootCauseInstanceOf(IOException.class);
		assertThat(this.deadLetters.isEmpty()).isTrue();
	}

	@Test
	void deadLettersARecordWhoseSchemaTheRegistryDoesNotKnow() {
		this.registry.failNext(1, 404, 40403);
		ReportRevision report = illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build();

		send(report);

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("UNDECODABLE");
		assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
		assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("Error retrieving Avro schema for id 1");
		assertThat(this.councilTotals.isEmpty()).isTrue();
	}

	private void send(ReportRevision report) {
		this.driver
			.createInputTopic(Topics.findings(report.getState()), new ByteArraySerializer(), new ByteArraySerializer())
			.pipeInput(report.getReportId().getBytes(StandardCharsets.UTF_8),
					this.wire.reportRevisions().serializer().serialize(Topics.findings(report.getState()), report),
					report.getSubmittedAt());
	}

	private CouncilTotals totals() {
		this.driver.advanceWallClockTime(Duration.ofSeconds(1));
		this.councilTotals.readKeyValuesToList().forEach((record) -> this.latest.put(record.key, record.value));
		assertThat(this.latest).containsKey(Reports.ILLEGAL_2017);
		return this.latest.get(Reports.ILLEGAL_2017);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * A Schema Registry that knows the report schema as id 1 and answers
	 * {@code GET /schemas/ids/1} with it, but for as many requests as it is told to fail,
	 * which it answers with an error status and the registry's error body.
	 */
	static final class RegistryStandIn {

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicInteger failures = new AtomicInteger();

		private volatile int failureStatus;

		private volatile int failureCode;

		private HttpServer server;

		void start() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/schemas/ids/1", this::answer);
			this.server.start();
		}

		void stop() {
			if (this.server != null) {
				this.server.stop(0);
				this.server = null;
			}
		}

		URI url() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		}

		void failNext(int count, int status, int errorCode) {
			this.failureStatus = status;
			this.failureCode = errorCode;
			this.failures.set(count);
		}

		int requests() {
			return this.requests.get();
		}

		private void answer(HttpExchange exchange) throws IOException {
			this.requests.incrementAndGet();
			boolean fail = this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
			Map<String, Object> body = fail
					? Map.of("error_code", this.failureCode, "message", "stand-in answers " + this.failureStatus)
					: Map.of("schema", ReportRevision.getClassSchema().toString());
			byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
			exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
			exchange.sendResponseHeaders(fail ? this.failureStatus : 200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

	}

	/**
	 * Decodes as Confluent's deserializer does, as far as the registry goes: it asks the
	 * registry for the schema of the value (every value here names id 1) until it has it,
	 * and fails as Confluent's does: a {@link SerializationException} caused by the
	 * registry's error answer ({@link RestClientException}), or by the
	 * {@link IOException} when the registry cannot be reached. The value itself is then
	 * decoded by the single-object deserializer.
	 */
	static final class RegistryDeserializer implements Deserializer<ReportRevision> {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private final URI registry;

		private final Deserializer<ReportRevision> values;

		private volatile boolean schemaKnown;

		RegistryDeserializer(URI registry, Deserializer<ReportRevision> values) {
			this.registry = registry;
			this.values = values;
		}

		@Override
		public ReportRevision deserialize(String topic, byte[] data) {
			if (!this.schemaKnown) {
				fetchSchema();
			}
			return this.values.deserialize(topic, data);
		}

		private void fetchSchema() {
			HttpResponse<String> response;
			try {
				response = this.http.send(HttpRequest.newBuilder(this.registry.resolve("/schemas/ids/1"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new SerializationException("Error deserializing Avro message for id 1", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptException(ex);
			}
			JsonNode body = JsonMapper.shared().readTree(response.body());
			if (response.statusCode() >= 400) {
				throw new SerializationException("Error retrieving Avro schema for id 1", new RestClientException(
						body.path("message").asString(), response.statusCode(), body.path("error_code").asInt()));
			}
			Schema schema = new Schema.Parser().parse(body.path("schema").asString());
			if (!schema.equals(ReportRevision.getClassSchema())) {
				throw new SerializationException("The registry's schema 1 is not the report schema");
			}
			this.schemaKnown = true;
		}

	}

}
