package org.jointops.producer.client;

// tag::client[]
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends report revisions to a state producer, retrying safely. JDK only. */
public final class ReportClient {

	private static final int MAX_ATTEMPTS = 8;

	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI reports;

	private final String token;

	/**
	 * A client of one state's producer.
	 * @param producer its address, e.g. https://jointops.example.kz:8083
	 * @param token the agency's API token
	 */
	public ReportClient(URI producer, String token) {
		this.reports = producer.resolve("/api/v1/reports");
		this.token = token;
	}

	/**
	 * Sends one revision until the producer has it. Every attempt sends the very same
	 * body (same reportId and revision): if an earlier attempt did reach Kafka, it counts
	 * once.
	 * @return the 202 answer (topic, partition, offset)
	 * @throws IllegalArgumentException if the report is refused: fix it, do not resend it
	 */
	public String submit(String reportJson) throws InterruptedException {
		Duration wait = Duration.ofSeconds(1);
		for (int attempt = 1;; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(this.reports)
				.timeout(Duration.ofSeconds(30)) // the producer answers within ~10 s
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + this.token)
				.POST(HttpRequest.BodyPublishers.ofString(reportJson))
				.build();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status == 202) {
					return response.body();
				}
				if (status < 500) { // 400, 401, 403, 413, 415: resending cannot help
					throw new IllegalArgumentException("Refused with " + status + ": " + response.body());
				}
				// 503: Kafka did not acknowledge it; wait as long as the producer asks
				wait = response.headers()
					.firstValue("Retry-After")
					.map((seconds) -> Duration.ofSeconds(Long.parseLong(seconds)))
					.orElse(wait);
			}
			catch (IOException ex) {
				// time-out, connection lost: it may or may not have arrived; resend it
			}
			if (attempt == MAX_ATTEMPTS) {
				throw new IllegalStateException("Not accepted after " + attempt + " attempts; try again later");
			}
			Thread.sleep(wait.toMillis());
			wait = (wait.multipliedBy(2).compareTo(MAX_WAIT) < 0) ? wait.multipliedBy(2) : MAX_WAIT;
		}
	}

}
// end::client[]
