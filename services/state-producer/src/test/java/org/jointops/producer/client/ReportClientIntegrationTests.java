package org.jointops.producer.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.producer.StateProducerApplication;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The API guide's client example ({@link ReportClient}, quoted there verbatim) against a
 * real producer on a real broker: a submission, a retry of the same revision, a
 * correction, a withdrawal, a refusal; and its retry after a 503 with Retry-After.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class ReportClientIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void submitsRetriesCorrectsAndWithdrawsAReportThroughARealProducer() throws Exception {
		ReportClient client = new ReportClient(URI.create("http://localhost:" + this.port),
				Credentials.token("INTERIOR"));
		String first = ReportJson.illegal2017("KAZ-CLIENT-1").count("IMMIGRATION_LAW_VIOLATIONS", 10).toJson();

		assertThat(client.submit(first)).contains("\"topic\":\"findings.kaz\"");
		assertThat(client.submit(first)).as("a retry of the same revision").contains("\"revision\":1");
		client.submit(
				ReportJson.illegal2017("KAZ-CLIENT-1").revision(2).count("IMMIGRATION_LAW_VIOLATIONS", 12).toJson());
		client.submit(ReportJson.illegal2017("KAZ-CLIENT-1").revision(3).withdrawn().toJson());

		List<ConsumerRecord<String, ReportRevision>> records = TopicReader.readAll(this.kafka.adminClientProperties(),
				WireFormat.singleObject().findings("KAZ"));
		assertThat(records).extracting((record) -> record.value().getRevision()).containsExactly(1, 1, 2, 3);
		assertThat(records.get(3).value().getWithdrawn()).isTrue();
	}

	@Test
	void doesNotResendAReportTheProducerRefuses() {
		ReportClient client = new ReportClient(URI.create("http://localhost:" + this.port),
				Credentials.token("INTERIOR"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.submit(ReportJson.illegal2017("KAZ-CLIENT-2").with("agency", "POLICE").toJson()))
			.withMessageContaining("Refused with 400")
			.withMessageContaining("unknown agency 'POLICE'");
	}

	@Test
	void sendsTheSameBodyAgainAfterA503AndItsRetryAfter() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
		HttpServer flaky = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		flaky.createContext("/api/v1/reports", (exchange) -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			boolean unavailable = attempts.incrementAndGet() == 1;
			if (unavailable) {
				exchange.getResponseHeaders().add("Retry-After", "1");
			}
			respond(exchange, unavailable ? 503 : 202, unavailable ? "{\"status\":503}" : "{\"offset\":7}");
		});
		flaky.start();
		try {
			ReportClient client = new ReportClient(URI.create("http://localhost:" + flaky.getAddress().getPort()),
					"a-token");
			String report = ReportJson.illegal2017("KAZ-CLIENT-3").toJson();

			assertThat(client.submit(report)).isEqualTo("{\"offset\":7}");
			assertThat(bodies).containsExactly(report, report);
		}
		finally {
			flaky.stop(0);
		}
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
