package org.jointops.producer.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.Reports;
import org.jointops.testsupport.process.JvmProcess;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long a state producer takes from the start of its JVM until it answers a revision
 * of another agency's report 403 (503 before it knows the owners), on a findings topic of
 * many revisions of fewer reports: this build first on the findings topic alone (it fills
 * its owners topic, once), then restarted (it reads its owners topic), and, when given
 * one, an earlier build's jar (which read the whole findings topic at every start). One
 * in-process broker, the producers as processes of their own, the same data for all.
 * <p>
 * Not part of the test run (no {@code Tests} in its name); run it alone:
 *
 * <pre>
 * flock /tmp/jointops-heavy.lock ./mvnw -B -pl services/state-producer -am verify \
 *   -Dit.test=OwnersStartupMeasurement -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Djointops.measure.reports=20000 -Djointops.measure.revisions=200000 -Djointops.measure.runs=3 \
 *   -Djointops.measure.before-jar=/path/to/earlier/state-producer-0.1.0-SNAPSHOT-exec.jar
 * </pre>
 *
 * It prints a Markdown table and writes it to {@code target/owners-startup.md}. With
 * {@code -Djointops.measure.ingest-seconds=S} it also measures what the owners cost on
 * ingest: single reports posted by {@code jointops.measure.clients} (64) clients in a
 * closed loop for S seconds, first revisions of new reports (each reserves its report id
 * first) and then revisions of those reports (nothing extra), by both builds, each on a
 * fresh broker ({@code target/owners-ingest.md}).
 */
class OwnersStartupMeasurement {

	private static final String STATE = "KAZ";

	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Djava.awt.headless=true");

	private static final Pattern STARTED = Pattern.compile("Started StateProducerApplication in ([0-9.]+) seconds");

	private static final Pattern READ = Pattern
		.compile("Read the owners of (\\d+) reports from (\\S+)(?: in (\\d+) ms)?");

	private static final Pattern BACKFILLED = Pattern.compile("Backfilled the owners of \\d+ reports .* in (\\d+) ms");

	/**
	 * When the owners' follower started (the first follower of the findings or the owners
	 * topic): {@code HH:mm:ss.SSS} in whatever the log's pattern is.
	 */
	private static final Pattern FOLLOWING = Pattern.compile(
			"^.*?(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}).*Following (?:findings|owners)\\.kaz from its start",
			Pattern.MULTILINE);

	/** When the owners were known. */
	private static final Pattern KNOWN = Pattern.compile("^.*?(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}).*Read the owners of",
			Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	/** The producers' logs, one file per process, kept for a look. */
	private final Path logs = Path.of("target", "owners-measurement");

	@Test
	void startUpUntilTheOwnersAreKnown() throws Exception {
		int reports = Integer.getInteger("jointops.measure.reports", 20_000);
		int revisions = Integer.getInteger("jointops.measure.revisions", 200_000);
		int runs = Integer.getInteger("jointops.measure.runs", 3);
		String before = System.getProperty("jointops.measure.before-jar");
		Path jar = thisBuildsJar();
		List<Row> rows = new ArrayList<>();
		try (EmbeddedKafkaNode kafka = EmbeddedKafkaNode.start()) {
			kafka.createTopics(new NewTopic(Topics.findings(STATE), 3, (short) 1)
				.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
			long loading = System.nanoTime();
			preload(kafka, reports, revisions);
			System.out.printf("Loaded %,d revisions of %,d reports into %s in %,d ms%n", revisions, reports,
					Topics.findings(STATE), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loading));
			if (before != null) {
				rows.add(measure("before: " + Path.of(before).getFileName() + " (reads " + Topics.findings(STATE) + ")",
						Path.of(before), kafka, runs, false));
			}
			rows.add(measure("after, first start (fills " + Topics.owners(STATE).name() + " from "
					+ Topics.findings(STATE) + ")", jar, kafka, runs, true));
			rows.add(measure("after, restart (reads " + Topics.owners(STATE).name() + ")", jar, kafka, runs, false));
		}
		String table = table(reports, revisions, rows);
		System.out.println(table);
		Files.writeString(Path.of("target", "owners-startup.md"), table);
	}

	@Test
	void ingestOfNewAndKnownReports() throws Exception {
		int seconds = Integer.getInteger("jointops.measure.ingest-seconds", 0);
		Assumptions.assumeTrue(seconds > 0, "-Djointops.measure.ingest-seconds not given");
		int clients = Integer.getInteger("jointops.measure.clients", 64);
		String before = System.getProperty("jointops.measure.before-jar");
		StringBuilder table = new StringBuilder(String.format(
				"Single-report ingest, %d clients in a closed loop, %d s per row, %s, %d cores%n%n", clients, seconds,
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		table.append("| build | reports | requests/s | answers |\n|---|---|---|---|\n");
		Map<String, Path> jars = new LinkedHashMap<>();
		if (before != null) {
			jars.put("before: " + Path.of(before).getFileName(), Path.of(before));
		}
		jars.put("after", thisBuildsJar());
		for (Map.Entry<String, Path> jar : jars.entrySet()) {
			try (EmbeddedKafkaNode kafka = EmbeddedKafkaNode.start()) {
				int port = FreePorts.next();
				JvmProcess jvm = JvmProcess.of("ingest-" + System.nanoTime(), JVM_OPTIONS,
						arguments(jar.getValue(), kafka, port), this.logs);
				jvm.start();
				try {
					String url = "http://localhost:" + port + "/api/v1/reports";
					await("producer up").atMost(Duration.ofMinutes(2))
						.ignoreExceptions()
						.pollInterval(Duration.ofMillis(100))
						.until(() -> post(url,
								ReportJson.illegal2017("KAZ-WARM").count("IMMIGRATION_LAW_VIOLATIONS", 1))
							.statusCode() == 202);
					// warm-up, then the measured rows
					load(url, clients, Math.max(2, seconds / 2), "warm", null);
					Load fresh = load(url, clients, seconds, "new", null);
					Load known = load(url, clients, seconds, "new", fresh.reports());
					table.append(String.format("| %s | new (revision 1) | %,.0f | %s |%n", jar.getKey(), fresh.rate(),
							fresh.statuses()));
					table.append(String.format("| %s | known (revision 2 of those) | %,.0f | %s |%n", jar.getKey(),
							known.rate(), known.statuses()));
				}
				finally {
					jvm.close();
				}
			}
		}
		System.out.println(table);
		Files.writeString(Path.of("target", "owners-ingest.md"), table.toString());
	}

	/**
	 * Posts as many reports as the clients can, each client one at a time.
	 * @param url where
	 * @param clients how many at once
	 * @param seconds how long
	 * @param prefix the report ids' prefix
	 * @param known null to post the first revisions of new reports; else, by client, how
	 * many reports a load with the same prefix sent: revision 2 of those, round and round
	 * @return the rate, the answers, and how many reports each client sent
	 */
	private Load load(String url, int clients, int seconds, String prefix, int[] known) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		AtomicLong count = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long started = System.nanoTime();
		List<Future<Integer>> running = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			int self = client;
			running.add(pool.submit(() -> {
				int sent = 0;
				for (; System.nanoTime() < end; sent++) {
					int report = (known != null) ? sent % Math.max(1, known[self]) : sent;
					String reportId = String.format("KAZ-%s-%02d-%07d", prefix, self, report);
					ReportJson body = ReportJson.illegal2017(reportId)
						.revision((known != null) ? 2 : 1)
						.count("IMMIGRATION_LAW_VIOLATIONS", report % 100);
					int status = post(url, body).statusCode();
					statuses.computeIfAbsent(status, (key) -> new LongAdder()).increment();
					count.incrementAndGet();
				}
				return sent;
			}));
		}
		int[] reports = new int[clients];
		for (int client = 0; client < clients; client++) {
			reports[client] = running.get(client).get();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdownNow();
		return new Load(count.get() / elapsed, new TreeMap<>(statuses).toString(), reports);
	}

	private HttpResponse<Void> post(String url, ReportJson report) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", Credentials.bearer("INTERIOR"))
			.POST(HttpRequest.BodyPublishers.ofString(report.toJson()))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static List<String> arguments(Path jar, EmbeddedKafkaNode kafka, int port) {
		List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString(), "--server.port=" + port));
		Map<String, String> properties = new LinkedHashMap<>(Credentials.producerProperties());
		properties.putAll(Credentials.producerKafkaProperties(STATE));
		properties.put("jointops.state", STATE);
		properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		properties.put("logging.level.org.apache.kafka", "WARN");
		// one line per accepted report would measure the log
		properties.put("logging.level.org.jointops.producer.ingest", "WARN");
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments;
	}

	private Row measure(String label, Path jar, EmbeddedKafkaNode kafka, int runs, boolean withoutOwnersTopic) {
		List<Run> results = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			if (withoutOwnersTopic) {
				deleteOwnersTopic(kafka);
			}
			results.add(startOnce(jar, kafka, "producer-" + results.size() + "-" + System.nanoTime()));
		}
		return new Row(label, results);
	}

	private Run startOnce(Path jar, EmbeddedKafkaNode kafka, String name) {
		int port = FreePorts.next();
		JvmProcess jvm = JvmProcess.of(name, JVM_OPTIONS, arguments(jar, kafka, port), this.logs);
		// a revision of report 0 (INTERIOR's) by CUSTOMS: 403 once the owners are known
		String probe = ReportJson.illegal2017(reportId(0))
			.revision(1_000)
			.with("agency", "CUSTOMS")
			.count("IMMIGRATION_LAW_VIOLATIONS", 1)
			.toJson();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", Credentials.bearer("CUSTOMS"))
			.POST(HttpRequest.BodyPublishers.ofString(probe))
			.build();
		long started = System.nanoTime();
		jvm.start();
		try {
			await(name + " answers 403").atMost(Duration.ofMinutes(5))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> {
					assertThat(jvm.isAlive()).as(name + " is running; see " + jvm.log()).isTrue();
					int status = probe(request);
					assertThat(status).as("the probe's answer").isIn(-1, 403, 503);
					return status == 403;
				});
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			jvm.stop(Duration.ofSeconds(30));
			return Run.of(millis, Files.readString(jvm.log()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			jvm.close();
		}
	}

	private int probe(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1; // not listening yet
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the revisions: every report's revision 1, then every report's revision 2,
	 * and so on, as a long history would have them; report i belongs to agency i of the
	 * catalogue's (INTERIOR for report 0).
	 */
	private static void preload(EmbeddedKafkaNode kafka, int reports, int revisions) throws Exception {
		Topic<String, ReportRevision> findings = WireFormat.singleObject().findings(STATE);
		Map<String, Object> config = new HashMap<>(kafka.adminClientProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		try (KafkaProducer<String, ReportRevision> producer = new KafkaProducer<>(config, findings.keySerializer(),
				findings.valueSerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (int written = 0; written < revisions; written++) {
				int report = written % reports;
				int revision = written / reports + 1;
				ReportRevision value = Reports.illegal2017(STATE, reportId(report))
					.setRevision(revision)
					.setAgency(Credentials.AGENCIES.get(report % Credentials.AGENCIES.size()))
					.setFindings(List.of(Reports.count("IMMIGRATION_LAW_VIOLATIONS", revision),
							Reports.count("WANTED_PERSONS_DETAINED", report % 10),
							Reports.money("FINES_IMPOSED", "125000.50", "USD")))
					.build();
				sent.add(producer.send(new ProducerRecord<>(findings.name(), value.getReportId(), value)));
				if (sent.size() == 10_000) {
					awaitAll(sent);
				}
			}
			awaitAll(sent);
		}
	}

	private static void awaitAll(List<Future<RecordMetadata>> sent) throws InterruptedException, ExecutionException {
		for (Future<RecordMetadata> future : sent) {
			future.get();
		}
		sent.clear();
	}

	private static void deleteOwnersTopic(EmbeddedKafkaNode kafka) {
		String owners = Topics.owners(STATE).name();
		try (Admin admin = kafka.admin()) {
			if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(owners)) {
				admin.deleteTopics(List.of(owners)).all().get(30, TimeUnit.SECONDS);
				await(owners + " deleted").atMost(Duration.ofSeconds(60))
					.until(() -> !admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(owners));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot delete " + owners, ex);
		}
	}

	private static String reportId(int report) {
		return String.format("KAZ-M-%06d", report);
	}

	private static Path thisBuildsJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No executable jar in target/: run through Maven verify"));
		}
	}

	private static String table(int reports, int revisions, List<Row> rows) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(
				"Producer start-up until it knows the owners of %,d reports (%,d revisions in %s), "
						+ "%s, %d cores%n%n",
				reports, revisions, Topics.findings(STATE), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors()));
		table.append("| start | until ready, median (runs) | Spring Boot started in | owners read in |\n");
		table.append("|---|---|---|---|\n");
		for (Row row : rows) {
			table.append(String.format("| %s | %,d ms (%s) | %s | %s |%n", row.label(), row.median(),
					row.runs()
						.stream()
						.map((run) -> String.format("%,d", run.millis()))
						.collect(Collectors.joining(", ")),
					row.runs().stream().map(Run::started).collect(Collectors.joining(", ")),
					row.runs().stream().map(Run::owners).collect(Collectors.joining(", "))));
		}
		return table.toString();
	}

	/**
	 * What a load gave.
	 *
	 * @param rate requests per second
	 * @param statuses how many of each status
	 * @param reports by client, how many reports it sent
	 */
	private record Load(double rate, String statuses, int[] reports) {
	}

	/**
	 * The runs of one kind of start.
	 *
	 * @param label what was started
	 * @param runs its runs
	 */
	private record Row(String label, List<Run> runs) {

		long median() {
			List<Long> sorted = this.runs.stream().map(Run::millis).sorted().toList();
			return sorted.get(sorted.size() / 2);
		}

	}

	/**
	 * One start.
	 *
	 * @param millis from the JVM's start until the probe was answered 403
	 * @param started what Spring Boot logged
	 * @param owners what the producer logged about reading the owners
	 */
	private record Run(long millis, String started, String owners) {

		static Run of(long millis, String log) {
			Matcher started = STARTED.matcher(log);
			Matcher read = READ.matcher(log);
			Matcher backfilled = BACKFILLED.matcher(log);
			String owners = read.find() ? read.group(1) + " from " + read.group(2)
					+ ((read.group(3) != null) ? " in " + read.group(3) + " ms" : "") : "?";
			if (backfilled.find()) {
				owners += " (backfill " + backfilled.group(1) + " ms)";
			}
			Matcher following = FOLLOWING.matcher(log);
			Matcher known = KNOWN.matcher(log);
			if (following.find() && known.find()) {
				owners += "; " + Duration.between(LocalTime.parse(following.group(1)), LocalTime.parse(known.group(1)))
					.toMillis() + " ms from following to known";
			}
			return new Run(millis, started.find() ? started.group(1) + " s" : "?", owners);
		}

	}

}
