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
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.slf4j.LoggerFactory;
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

	/** The system property {@code logback.xml} takes the log file's name from. */
	private static final String LOG_FILE_PROPERTY = "local-stack.log-file";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Settings settings;

	private final Catalogue catalogue;

	private KafkaNode broker;

	private final Map<String, ConfigurableApplicationContext> producers = new LinkedHashMap<>();

	private final Map<String, String> producerUrls = new LinkedHashMap<>();

	private AgencyCredentials credentials;

	private ConfigurableApplicationContext aggregator;

	private DataDirectoryLock dataLock;

	private volatile boolean stopRequested;

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
		stack.startOrClose();
		return stack;
	}

	/**
	 * Starts everything; if anything fails, closes what has started.
	 * @throws IllegalStateException if a service does not start, or a stop was asked for
	 * meanwhile ({@link #stopStarting})
	 */
	private void startOrClose() {
		try {
			startAll();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Asks a start in progress to give up as soon as the service it is starting is up
	 * (never in the middle of one: a Spring context or the broker interrupted while it
	 * starts logs failures of its own). What started is then closed.
	 */
	private void stopStarting() {
		this.stopRequested = true;
	}

	private void checkNotStopping() {
		if (this.stopRequested) {
			throw new IllegalStateException("Stopped while starting");
		}
	}

	private void startAll() {
		this.dataLock = DataDirectoryLock.acquire(this.settings.dataDirectory());
		List<MemberState> states = this.catalogue.states();
		List<String> stateCodes = states.stream().map(MemberState::code).toList();
		this.credentials = AgencyCredentials.loadOrCreate(this.settings.dataDirectory(), stateCodes,
				this.catalogue.agencies().stream().map(Agency::code).toList());
		startBroker(stateCodes);
		checkNotStopping();
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
				producerStarts.put(state, starter.submit(() -> {
					checkNotStopping();
					return ServiceLauncher.startProducer(state, port, bootstrap, this.settings.dataDirectory(),
							properties);
				}));
				this.producerUrls.put(state, "http://localhost:" + port);
			}
			ExecutionException failed = null;
			for (Map.Entry<String, Future<ConfigurableApplicationContext>> start : producerStarts.entrySet()) {
				// every start waited for, so that all that started are closed
				try {
					this.producers.put(start.getKey(), start.getValue().get());
				}
				catch (ExecutionException ex) {
					failed = (failed != null) ? failed : ex;
				}
			}
			checkNotStopping();
			if (failed != null) {
				throw failed;
			}
			Map<String, String> aggregatorProperties = new LinkedHashMap<>(this.credentials.aggregatorProperties());
			aggregatorProperties.putAll(shared);
			this.aggregator = ServiceLauncher.startAggregator(this.settings.aggregatorPort(), bootstrap,
					this.settings.dataDirectory(), aggregatorProperties);
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
			checkNotStopping();
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
			this.broker = null;
		}
		if (this.dataLock != null) {
			this.dataLock.close();
			this.dataLock = null;
		}
	}

	public static void main(String[] args) {
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
		Path log = logToFile(options.settings().dataDirectory());
		PrintStream out = System.out;
		Instant begin = Instant.now();
		out.println("Starting the jointops local stack (data in " + options.settings().dataDirectory() + ", logs in "
				+ log + ")...");
		LocalStack stack = new LocalStack(options.settings());
		Thread main = Thread.currentThread();
		CountDownLatch startEnded = new CountDownLatch(1);
		AtomicBoolean startFailed = new AtomicBoolean();
		CountDownLatch stopped = new CountDownLatch(1);
		// Ctrl-C (or SIGTERM) at any time: a start in progress gives up after the service
		// it
		// is starting, a demo in progress at its next request, then everything that runs
		// is closed in order, without a stack trace
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (startFailed.get()) {
				return; // closed already, and said why
			}
			out.println("Stopping the local stack...");
			stack.stopStarting();
			awaitUninterruptibly(startEnded);
			main.interrupt();
			stack.close();
			out.println("Stopped.");
			stopped.countDown();
		}, "local-stack-stop"));
		try {
			stack.startOrClose();
		}
		catch (RuntimeException ex) {
			if (!stack.stopRequested) {
				startFailed.set(true);
				Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
				System.err.println("The local stack could not start: " + ex.getMessage()
						+ ((root != ex) ? " (" + root.getMessage() + ")" : ""));
				System.err.println("(Is another one running? Ports and the data directory can be changed: --help. "
						+ "The services' log: " + log + ".)");
				startEnded.countDown();
				System.exit(1);
			}
			return;
		}
		finally {
			startEnded.countDown();
		}
		if (stack.stopRequested) {
			return;
		}
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
			try {
				stack.runDemo(out);
			}
			catch (RuntimeException ex) {
				if (stack.stopRequested) {
					return; // stopped in the middle of the demo: nothing more to say
				}
				throw ex;
			}
		}
		out.println();
		out.println("Running. Press Ctrl-C to stop.");
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			// stopping: the stop hook says the rest
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Sends the services' log to a file under the data directory ({@code logback.xml}
	 * reads its name), so that the console keeps only warnings, errors and what the stack
	 * itself prints. Called before anything logs: logback reads its configuration at the
	 * first logger.
	 * @param dataDirectory the stack's data directory
	 * @return the log file
	 */
	private static Path logToFile(Path dataDirectory) {
		Path log = dataDirectory.resolve("logs").resolve("jointops.log");
		System.setProperty(LOG_FILE_PROPERTY, log.toAbsolutePath().toString());
		LoggerFactory.getILoggerFactory();
		return log;
	}

	/**
	 * Where the stack keeps its data and which ports it uses.
	 *
	 * @param dataDirectory the broker's log, the aggregator's local state and the
	 * services' working files
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
