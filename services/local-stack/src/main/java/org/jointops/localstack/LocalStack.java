package org.jointops.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.jointops.catalogue.Agency;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.jointops.kafkanode.AccessControl;
import org.jointops.kafkanode.KafkaNode;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.localstack.demo.Demo;
import org.jointops.localstack.launch.ServiceLauncher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The whole system in one JVM: a real Kafka node (KRaft, in-process) with its data under
 * the data directory, one producer service per member state of the catalogue and the
 * aggregator. Run it with {@code ./local-stack} ({@code --demo} loads a synthetic
 * operation and prints its totals).
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration READY_PATIENCE = Duration.ofSeconds(90);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Settings settings;

	private final Catalogue catalogue;

	private KafkaNode broker;

	private final Map<String, ConfigurableApplicationContext> producers = new LinkedHashMap<>();

	private final Map<String, String> producerUrls = new LinkedHashMap<>();

	private AgencyCredentials credentials;

	private ConfigurableApplicationContext aggregator;

	private DataDirectoryLock dataLock;

	private LocalStack(Settings settings) {
		this.settings = settings;
		this.catalogue = CatalogueLoader.load(settings.catalogueFiles());
	}

	/**
	 * Starts the broker, then the services, and waits until every service reports UP.
	 * @param settings ports and directories
	 * @return the running stack
	 */
	public static LocalStack start(Settings settings) {
		LocalStack stack = new LocalStack(settings);
		try {
			stack.startAll();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startAll() {
		this.dataLock = DataDirectoryLock.acquire(this.settings.dataDirectory());
		List<MemberState> states = this.catalogue.states();
		List<String> stateCodes = states.stream().map(MemberState::code).toList();
		this.credentials = AgencyCredentials.loadOrCreate(this.settings.dataDirectory(), stateCodes,
				this.catalogue.agencies().stream().map(Agency::code).toList());
		startBroker(stateCodes);
		String bootstrap = this.broker.bootstrapServers();
		Map<String, String> shared = new LinkedHashMap<>(this.settings.extraProperties());
		if (!this.settings.catalogueFiles().isEmpty()) {
			shared.put("jointops.catalogue.extra-files", String.join(",",
					this.settings.catalogueFiles().stream().map((file) -> file.toAbsolutePath().toString()).toList()));
		}
		ExecutorService starter = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
		try {
			// producers first: each creates its findings topic, which the aggregator then
			// subscribes to
			Map<String, Future<ConfigurableApplicationContext>> producerStarts = new LinkedHashMap<>();
			for (int i = 0; i < states.size(); i++) {
				String state = states.get(i).code();
				int port = this.settings.firstProducerPort() + i;
				Map<String, String> properties = new LinkedHashMap<>(this.credentials.producerProperties(state));
				properties.putAll(shared);
				producerStarts.put(state,
						starter.submit(() -> ServiceLauncher.startProducer(state, port, bootstrap, properties)));
				this.producerUrls.put(state, "http://localhost:" + port);
			}
			for (Map.Entry<String, Future<ConfigurableApplicationContext>> start : producerStarts.entrySet()) {
				this.producers.put(start.getKey(), start.getValue().get());
			}
			Map<String, String> aggregatorProperties = new LinkedHashMap<>(this.credentials.aggregatorProperties());
			aggregatorProperties.putAll(shared);
			this.aggregator = ServiceLauncher.startAggregator(this.settings.aggregatorPort(), bootstrap,
					this.settings.dataDirectory().resolve("aggregator"), aggregatorProperties);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A service failed to start: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			starter.shutdown();
		}
		awaitHealthy();
	}

	/**
	 * Starts the node with SASL and ACLs on, then (as its administrator) makes sure every
	 * service's Kafka user and ACLs are in place.
	 * @param states the member states whose producer services get a Kafka user
	 */
	private void startBroker(List<String> states) {
		// one node, no replicas: only writing every batch to disk before acknowledging it
		// keeps acknowledged records through a power loss or a killed virtual machine (a
		// cluster gets that from its replicas instead)
		this.broker = new KafkaNode(this.settings.dataDirectory().resolve("kafka"), this.settings.kafkaPort(),
				this.settings.controllerPort(), this.credentials.kafkaPassword(KafkaUsers.ADMIN),
				Map.of("log.flush.interval.messages", "1"))
			.start();
		try (Admin admin = this.broker.admin()) {
			AccessControl.apply(admin, this.credentials.kafkaProducerPasswords(states),
					this.credentials.kafkaPassword(KafkaUsers.AGGREGATOR), KafkaUsers.AGGREGATOR_APPLICATION_ID);
		}
	}

	/**
	 * Waits until every service is UP. An aggregator that rebuilds its state from the
	 * findings topics (after an upgrade to a new state layout) is not ready until it has
	 * caught up, which can take longer than the patience: it is waited for as long as it
	 * makes progress.
	 */
	private void awaitHealthy() {
		HttpClient http = HttpClient.newHttpClient();
		List<String> pending = new ArrayList<>(this.producerUrls.values());
		pending.add(aggregatorUrl());
		Instant deadline = Instant.now().plus(READY_PATIENCE);
		JsonNode catchingUp = null;
		while (!pending.isEmpty()) {
			pending.removeIf((url) -> isUp(http, url));
			if (pending.isEmpty()) {
				return;
			}
			JsonNode progress = catchUpProgress(http, aggregatorUrl());
			if (progress != null && !progress.equals(catchingUp)) {
				catchingUp = progress;
				deadline = Instant.now().plus(READY_PATIENCE);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Not healthy after " + READY_PATIENCE.toSeconds() + " s: " + pending);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static boolean isUp(HttpClient http, String url) {
		return health(http, url).map((response) -> response.statusCode() == 200).orElse(false);
	}

	/*
	 * The aggregator's progress while it catches up with the findings topics (the topics
	 * and the records behind), null when it does not say it is catching up.
	 */
	private static JsonNode catchUpProgress(HttpClient http, String url) {
		return health(http, url).map((response) -> {
			try {
				JsonNode details = JSON.readTree(response.body()).at("/components/streams/details");
				return details.path("catchingUp").asBoolean(false) ? details : null;
			}
			catch (JacksonException ex) {
				return null;
			}
		}).orElse(null);
	}

	private static Optional<HttpResponse<String>> health(HttpClient http, String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/**
	 * Settings of a client that works as the node's administrator (its only super user),
	 * e.g. a test reading every topic.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> kafkaAdminProperties() {
		return this.broker.adminClientProperties();
	}

	/**
	 * Base URL of the aggregator.
	 * @return {@code http://localhost:<port>}
	 */
	public String aggregatorUrl() {
		return "http://localhost:" + this.settings.aggregatorPort();
	}

	/**
	 * The secretariat's dashboard, served by the aggregator.
	 * @return its address
	 */
	public String dashboardUrl() {
		return aggregatorUrl() + "/dashboard/";
	}

	/**
	 * The stack's credentials: API tokens and Kafka passwords.
	 * @return the credentials, kept in the data directory
	 */
	public AgencyCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Base URLs of the producer services, in the catalogue's order of states.
	 * @return the base URL of each producer, by state code
	 */
	public Map<String, String> producerUrls() {
		return Map.copyOf(this.producerUrls);
	}

	/**
	 * The catalogue the stack was started with: the bundled file and any extra files.
	 * @return the catalogue
	 */
	public Catalogue catalogue() {
		return this.catalogue;
	}

	/**
	 * Runs the demonstration against this stack.
	 * @param out where to print
	 * @return the totals of the demonstration operation, as the aggregator answered them
	 */
	public JsonNode runDemo(PrintStream out) {
		return new Demo(new LinkedHashMap<>(this.producerUrls), this.credentials, aggregatorUrl(), this.catalogue, out)
			.run();
	}

	/** Stops the producers (no more input), then the aggregator, then the broker. */
	@Override
	public void close() {
		this.producers.values().parallelStream().forEach(ConfigurableApplicationContext::close);
		this.producers.clear();
		if (this.aggregator != null) {
			this.aggregator.close();
			this.aggregator = null;
		}
		if (this.broker != null) {
			this.broker.close();
		}
		if (this.dataLock != null) {
			this.dataLock.close();
			this.dataLock = null;
		}
	}

	public static void main(String[] args) throws InterruptedException {
		// one logging configuration for the whole JVM (logback.xml), not one per Spring
		// context
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(Options.USAGE);
			return;
		}
		PrintStream out = System.out;
		Instant begin = Instant.now();
		out.println("Starting the jointops local stack (data in " + options.settings().dataDirectory() + ")...");
		LocalStack stack;
		try {
			stack = LocalStack.start(options.settings());
		}
		catch (RuntimeException ex) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			System.err.println("The local stack could not start: " + ex.getMessage()
					+ ((root != ex) ? " (" + root.getMessage() + ")" : ""));
			System.err.println("(Is another one running? Ports and the data directory can be changed: --help.)");
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping the local stack...");
			stack.close();
			out.println("Stopped.");
			stopped.countDown();
		}, "local-stack-stop"));
		out.printf("Up in %.1f s, %d MB resident.%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0,
				ResidentMemory.megabytes());
		out.println("  Kafka              " + stack.bootstrapServers() + "  (SASL, ACLs on; users kafka.<user> in "
				+ stack.credentials().file() + ")");
		out.println("  aggregator         " + stack.aggregatorUrl() + "  (GET /api/v1/operations)");
		out.println("  dashboard          " + stack.dashboardUrl());
		stack.producerUrls
			.forEach((state, url) -> out.println("  producer " + state + "       " + url + "  (POST /api/v1/reports)"));
		out.println("  API tokens         " + stack.credentials().file() + "  (one per agency and state; e.g.)");
		out.println("    curl -H 'Authorization: Bearer " + stack.credentials().token("KAZ", "INTERIOR") + "' ... "
				+ stack.producerUrls().get("KAZ") + "/api/v1/reports   (KAZ, INTERIOR)");
		AgencyCredentials credentials = stack.credentials();
		out.println("  aggregator readers (Authorization: Bearer <token>; the dashboard asks for one)");
		out.println("    SECRETARIAT      " + credentials.readerToken(AgencyCredentials.SECRETARIAT));
		out.println("    STATE " + credentials.readerState() + "        "
				+ credentials.readerToken(credentials.stateReader()));
		out.println("    OBSERVER         " + credentials.readerToken(AgencyCredentials.OBSERVER));
		out.println("  monitoring token   " + credentials.monitoringToken()
				+ "  (every service's /actuator/metrics and /actuator/prometheus)");
		if (options.demo()) {
			out.println();
			stack.runDemo(out);
		}
		out.println();
		out.println("Running. Press Ctrl-C to stop.");
		stopped.await();
	}

	/**
	 * Where the stack keeps its data and which ports it uses.
	 *
	 * @param dataDirectory the broker's log and the aggregator's local state
	 * @param kafkaPort Kafka's client port
	 * @param controllerPort Kafka's controller port
	 * @param aggregatorPort the aggregator's HTTP port
	 * @param firstProducerPort HTTP port of the first state's producer; the others follow
	 * @param catalogueFiles extra catalogue files for every service
	 * @param extraProperties further settings for every service
	 */
	public record Settings(Path dataDirectory, int kafkaPort, int controllerPort, int aggregatorPort,
			int firstProducerPort, List<Path> catalogueFiles, Map<String, String> extraProperties) {

		/**
		 * ./data, Kafka on 9092 (controller 9093), the aggregator on 8080, producers from
		 * 8081.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(Path.of("data"), 9092, 9093, 8080, 8081, List.of(), Map.of());
		}

	}

	/** Reads the resident memory of this process, where the platform tells. */
	static final class ResidentMemory {

		private ResidentMemory() {
		}

		static long megabytes() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
					if (line.startsWith("VmRSS:")) {
						return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
					}
				}
			}
			catch (IOException | UncheckedIOException | NumberFormatException ex) {
				// not Linux: fall through
			}
			Runtime runtime = Runtime.getRuntime();
			return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
		}

	}

}
