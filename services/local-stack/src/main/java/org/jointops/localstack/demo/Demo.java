package org.jointops.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jointops.catalogue.Catalogue;
import org.jointops.localstack.credentials.AgencyCredentials;
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

	private static final JsonMapper JSON = DemoClient.JSON;

	/** The stage whose figures the local stack's state reader submits. */
	private static final int SUBMITTED_STAGE = 1;

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final DemoClient client;

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
	 * @param http the HTTP client, trusting the services' CA when they serve HTTPS
	 */
	public Demo(Map<String, String> producerUrls, AgencyCredentials credentials, String aggregatorUrl,
			Catalogue catalogue, PrintStream out, HttpClient http) {
		this.client = new DemoClient(http);
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
		long startVersion = totals(operation).map((totals) -> totals.path("version").asLong()).orElse(-1L);
		this.out.println("Posting " + dataset.path("posts").size() + " report revisions of " + operation
				+ " through the state producers:");
		Standing standing = new Standing(operation);
		for (JsonNode post : dataset.path("posts")) {
			String state = post.path("state").asString();
			JsonNode report = post.path("report");
			HttpResponse<String> response = this.client.post(this.producerUrls.get(state) + "/api/v1/reports", report,
					this.credentials.token(state, report.path("agency").asString()));
			JsonNode body = DemoClient.json(response);
			String outcome = (response.statusCode() == 202)
					? "202 accepted, " + body.path("topic").asString() + "@" + body.path("partition").asInt() + ":"
							+ body.path("offset").asLong()
					: response.statusCode() + " " + body.path("detail").asString();
			this.out.printf("  %s %-20s r%d  %s%s%n", state, report.path("reportId").asString(),
					report.path("revision").asInt(), outcome,
					post.has("note") ? "\n      (" + post.path("note").asString() + ")" : "");
			if (response.statusCode() == 202 || locked(response, body)) {
				// a locked stage keeps what it had: these same revisions, from an earlier
				// run
				standing.accept(state, report);
			}
		}
		awaitCounted(operation, startVersion, standing);
		this.out.println();
		CouncilSteps council = new CouncilSteps(this.client, this.credentials, this.aggregatorUrl, this.out);
		council.setRates(operation, dataset.path("rates"));
		council.submitAndAccept(operation, SUBMITTED_STAGE, this.credentials.readerState());
		JsonNode totals = totals(operation).orElseGet(JSON::createObjectNode);
		this.out.println();
		this.out.print(TotalsTable.render(totals, List.copyOf(this.producerUrls.keySet()), this.catalogue));
		this.out.println();
		int publication = council.publish(operation);
		String api = this.aggregatorUrl + "/api/v1/operations/" + operation;
		this.out.println();
		this.out.println("Dashboard         " + this.aggregatorUrl + "/dashboard/?operation=" + operation);
		String secretariat = "-H 'Authorization: Bearer " + this.credentials.readerToken(AgencyCredentials.SECRETARIAT)
				+ "'";
		this.out.println("Council summary   curl " + secretariat + " '" + api
				+ "/summary?lang=en'  (lang=ru; Accept: text/markdown, text/html)");
		this.out.println("Live feed         curl -N " + secretariat + " " + api + "/totals/stream");
		String observer = "-H 'Authorization: Bearer " + this.credentials.readerToken(AgencyCredentials.OBSERVER) + "'";
		this.out.println("Observer's view   curl " + observer + " " + api + "/totals  (publication " + publication
				+ " only; " + api + "/publications lists them)");
		this.out.println("Meeting documents curl " + secretariat + " -H 'Accept: application/pdf' -o summary.pdf '"
				+ api + "/summary?lang=ru'; curl " + secretariat
				+ " -H 'Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' -o totals.xlsx "
				+ api + "/totals");
		this.out.println("API description   " + this.aggregatorUrl + "/swagger-ui.html");
		return totals;
	}

	/**
	 * Waits until the aggregator has counted every accepted post. From totals at version
	 * 0 (nothing counted before, as on a first run) the posts' changes are known exactly,
	 * and the totals must reach that version: their figures alone can be final before,
	 * e.g. while a report and its withdrawal are both still on their way. Otherwise
	 * (posted again, or after other reports of the operation) every report of the dataset
	 * must stand at the revision that counts, and the counted reports must be as many as
	 * those of the dataset that are not withdrawn.
	 * @param operation the dataset's operation
	 * @param startVersion the version of its totals before the posts, -1 if unknown
	 * @param standing what the accepted posts make stand
	 * @return the totals once counted, or the last ones read after {@link #PATIENCE}
	 */
	private JsonNode awaitCounted(String operation, long startVersion, Standing standing) {
		Instant deadline = Instant.now().plus(PATIENCE);
		JsonNode last = null;
		while (Instant.now().isBefore(deadline)) {
			// the reports first, then the totals: these are at least as recent
			boolean standsAsPosted = startVersion == 0 || standsAsPosted(operation, standing);
			Optional<JsonNode> current = totals(operation);
			if (current.isPresent()) {
				JsonNode totals = current.get();
				last = totals;
				boolean counted = (startVersion == 0) ? totals.path("version").asLong() >= standing.changes()
						: standsAsPosted && totals.path("reports").asLong() == standing.reports();
				if (counted) {
					return totals;
				}
			}
			sleep();
		}
		this.out.println("(the aggregator had not settled after " + PATIENCE.toSeconds() + " s; showing what it had)");
		return (last != null) ? last : JSON.createObjectNode();
	}

	private Optional<JsonNode> totals(String operation) {
		HttpResponse<String> response = get(this.aggregatorUrl + "/api/v1/operations/" + operation + "/totals");
		return (response.statusCode() == 200) ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
	}

	private static boolean locked(HttpResponse<String> response, JsonNode body) {
		return response.statusCode() == 409 && body.path("type").asString().endsWith(":stage-locked");
	}

	/**
	 * Whether the reports that count are exactly those of the dataset that are not
	 * withdrawn, each at the revision that stands.
	 * @param operation the dataset's operation
	 * @param standing what the accepted posts make stand
	 * @return whether the aggregator lists just those reports
	 */
	private boolean standsAsPosted(String operation, Standing standing) {
		HttpResponse<String> response = get(this.aggregatorUrl + "/api/v1/operations/" + operation + "/reports");
		if (response.statusCode() != 200) {
			return false;
		}
		Map<String, Integer> listed = new LinkedHashMap<>();
		for (JsonNode report : JSON.readTree(response.body()).path("reports")) {
			listed.put(Standing.key(report.path("state").asString(), report.path("reportId").asString()),
					report.path("revision").asInt());
		}
		return listed.equals(standing.revisions());
	}

	private static JsonNode load() {
		try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(DATASET)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> get(String url) {
		return this.client.get(url, this.credentials.readerToken(AgencyCredentials.SECRETARIAT));
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The revision that stands for each report of one operation after the accepted posts,
	 * by the rule the aggregator counts with: a higher revision replaces the standing
	 * one, the same or a lower one changes nothing, a withdrawn one counts nothing.
	 */
	private static final class Standing {

		private final String operation;

		private final Map<String, JsonNode> reports = new LinkedHashMap<>();

		private long changes;

		Standing(String operation) {
			this.operation = operation;
		}

		static String key(String state, String reportId) {
			return state + "/" + reportId;
		}

		void accept(String state, JsonNode report) {
			String key = key(state, report.path("reportId").asString());
			JsonNode before = this.reports.get(key);
			if (before == null || report.path("revision").asInt() > before.path("revision").asInt()) {
				this.reports.put(key, report);
				if (counts(before) || counts(report)) {
					this.changes++;
				}
			}
		}

		/**
		 * How many times the posts change the operation's totals.
		 * @return changes, counted from totals with nothing counted
		 */
		long changes() {
			return this.changes;
		}

		/**
		 * How many reports count in the end.
		 * @return reports not withdrawn
		 */
		long reports() {
			return this.reports.values().stream().filter(this::counts).count();
		}

		/**
		 * The revision each report that counts stands at.
		 * @return report key to revision
		 */
		Map<String, Integer> revisions() {
			Map<String, Integer> revisions = new LinkedHashMap<>();
			this.reports.forEach((key, report) -> {
				if (counts(report)) {
					revisions.put(key, report.path("revision").asInt());
				}
			});
			return revisions;
		}

		private boolean counts(JsonNode report) {
			return report != null && !report.path("withdrawn").asBoolean(false)
					&& this.operation.equals(report.path("operation").asString());
		}

	}

}
