package org.jointops.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against a small server of the JDK's that answers 202, and closes
 * every tenth connection after its answer, as Tomcat does after a number of requests.
 */
class HttpLoadTests {

	private HttpServer server;

	private final AtomicLong received = new AtomicLong();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/v1/reports", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			long n = this.received.incrementAndGet();
			if (n % 10 == 0) {
				exchange.getResponseHeaders().add("Connection", "close");
			}
			byte[] body = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(202, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aClosedLoopCountsEveryAnswerOfItsWindowAndOpensConnectionsAgain() {
		HttpTarget target = new HttpTarget("127.0.0.1", this.server.getAddress().getPort(), "Bearer test");
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		LoadResult result = HttpLoad
			.of(target, () -> target.post("/api/v1/reports", "application/json", body), Answer.status(202), null)
			.closedLoop(4, Duration.ofMillis(300), Duration.ofSeconds(1));

		assertThat(result.requests()).isPositive();
		assertThat(result.failures()).isZero();
		assertThat(result.units()).isEqualTo(result.requests());
		assertThat(result.statuses()).containsOnlyKeys(202);
		assertThat(result.latency().count()).isEqualTo(result.requests());
		assertThat(this.received.get()).as("requests the server received, warm-up included")
			.isGreaterThanOrEqualTo(result.requests() + 10);
	}

	@Test
	void anUnexpectedStatusIsAFailure() {
		HttpTarget target = new HttpTarget("127.0.0.1", this.server.getAddress().getPort(), null);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		LoadResult result = HttpLoad
			.of(target, () -> target.post("/api/v1/reports", "application/json", body), Answer.status(200), null)
			.closedLoop(2, Duration.ZERO, Duration.ofMillis(500));

		assertThat(result.failures()).isEqualTo(result.requests()).isPositive();
		assertThat(result.units()).isZero();
	}

	@Test
	void aPacedLoadSendsAboutItsRate() {
		HttpTarget target = new HttpTarget("127.0.0.1", this.server.getAddress().getPort(), null);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		LoadResult result = HttpLoad
			.of(target, () -> target.post("/api/v1/reports", "application/json", body), Answer.status(202), null)
			.paced(8, 200, Duration.ofSeconds(1));

		assertThat(result.requests()).isBetween(150L, 210L);
		assertThat(result.failures()).isZero();
	}

}
