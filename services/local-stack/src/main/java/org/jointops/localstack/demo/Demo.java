package org.jointops.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jointops.catalogue.Catalogue;
import org.jointops.localstack.credentials.AgencyCredentials;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the synthetic operation of {@value #DATASET} through the state producers' HTTP
 * API, as agencies would, waits until the aggregator has counted it, and prints the
 * council totals read from the aggregator's HTTP API. Running it again posts the same
 * revisions again: they count once, and the totals stay the same.
 */
public final class Demo {

	/** The dataset on the classpath. */
	public static final String DATASET = "demo/illegal-demo.json";

	/** Decimals are read as BigDecimal, so that figures stay exact. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> producerUrls;

	private final AgencyCredentials credentials;

	private final String aggregatorUrl;

	private final Catalogue catalogue;

	private final PrintStream out;

	/**
	 * Creates a demonstration that posts to the given producers and reads from the given
	 * aggregator.
	 * @param producerUrls base URL of each state's producer, by state code
	 * @param credentials the agencies' tokens
	 * @param aggregatorUrl base URL of the aggregator
	 * @param catalogue for category names
	 * @param out where to print
	 */
	public Demo(Map<String, String> producerUrls, AgencyCredentials credentials, String aggregatorUrl,
			Catalogue catalogue, PrintStream out) {
		this.producerUrls = producerUrls;
		this.credentials = credentials;
		this.aggregatorUrl = aggregatorUrl;
		this.catalogue = catalogue;
		this.out = out;
	}

	/**
	 * Posts the dataset, waits for the totals and prints them.
	 * @return the totals as the aggregator answered them
	 */
	public JsonNode run() {
		JsonNode dataset = load();
		String operation = dataset.path("operation").asString();
		this.out.println("Posting " + dataset.path("posts").size() + " report revisions of " + operation
				+ " through the state producers:");
		Map<String, JsonNode> highestRevision = new LinkedHashMap<>();
		for (JsonNode post : dataset.path("posts")) {
			String state = post.path("state").asString();
			JsonNode report = post.path("report");
			HttpResponse<String> response = post(this.producerUrls.get(state) + "/api/v1/reports", report,
					this.credentials.token(state, report.path("agency").asString()));
			JsonNode body = JSON.readTree(response.body());
			String outcome = (response.statusCode() == 202)
					? "202 accepted, " + body.path("topic").asString() + "@" + body.path("partition").asInt() + ":"
							+ body.path("offset").asLong()
					: response.statusCode() + " " + body.path("detail").asString();
			this.out.printf("  %s %-20s r%d  %s%s%n", state, report.path("reportId").asString(),
					report.path("revision").asInt(), outcome,
					post.has("note") ? "\n      (" + post.path("note").asString() + ")" : "");
			highestRevision.merge(state + "/" + report.path("reportId").asString(), report,
					(a, b) -> (b.path("revision").asInt() > a.path("revision").asInt()) ? b : a);
		}
		long expectedReports = highestRevision.values()
			.stream()
			.filter((report) -> !report.path("withdrawn").asBoolean(false))
			.count();
		JsonNode totals = awaitTotals(operation, expectedReports);
		this.out.println();
		this.out.print(TotalsTable.render(totals, List.copyOf(this.producerUrls.keySet()), this.catalogue));
		String api = this.aggregatorUrl + "/api/v1/operations/" + operation;
		this.out.println();
		this.out.println("Dashboard         " + this.aggregatorUrl + "/dashboard/?operation=" + operation);
		String secretariat = "-H 'Authorization: Bearer " + this.credentials.readerToken(AgencyCredentials.SECRETARIAT)
				+ "'";
		this.out.println("Council summary   curl " + secretariat + " '" + api
				+ "/summary?lang=en'  (lang=ru; Accept: text/markdown, text/html)");
		this.out.println("Live feed         curl -N " + secretariat + " " + api + "/totals/stream");
		this.out.println("API description   " + this.aggregatorUrl + "/swagger-ui.html");
		return totals;
	}

	private JsonNode awaitTotals(String operation, long expectedReports) {
		Instant deadline = Instant.now().plus(PATIENCE);
		JsonNode last = null;
		long stableSince = 0;
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> response = get(this.aggregatorUrl + "/api/v1/operations/" + operation + "/totals");
			if (response.statusCode() == 200) {
				JsonNode totals = JSON.readTree(response.body());
				boolean same = last != null && last.path("version").asLong() == totals.path("version").asLong();
				stableSince = same ? stableSince : System.nanoTime();
				last = totals;
				if (totals.path("reports").asLong() == expectedReports
						&& Duration.ofNanos(System.nanoTime() - stableSince).toMillis() >= 1500) {
					return totals;
				}
			}
			sleep();
		}
		this.out.println("(the aggregator had not settled after " + PATIENCE.toSeconds() + " s; showing what it had)");
		return (last != null) ? last : JSON.createObjectNode();
	}

	private static JsonNode load() {
		try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(DATASET)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> post(String url, JsonNode body, String token) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	private HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.credentials.readerToken(AgencyCredentials.SECRETARIAT))
			.GET()
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
