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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jointops.catalogue.Agency;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.jointops.kafkanode.AccessControl;
import org.jointops.kafkanode.KafkaNode;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.kafkanode.tls.KafkaTls;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.localstack.demo.Demo;
import org.jointops.localstack.launch.ServiceLauncher;
import org.jointops.localstack.processes.AggregatorInstance;
import org.jointops.localstack.processes.BrokerCluster;
import org.jointops.localstack.processes.ChildProcess;
import org.jointops.localstack.processes.Role;
import org.jointops.localstack.processes.StackProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The whole system in one JVM: a real Kafka node (KRaft, in-process) with its data under
 * the data directory, one producer service per member state of the catalogue and the
 * aggregator. Run it with {@code ./local-stack} ({@code --demo} loads a synthetic
 * operation and prints its totals).
 * <p>
 * The replicated shape ({@code --brokers 3 --aggregators 2}) runs every Kafka node and
 * every aggregator instance as a process of its own ({@link BrokerCluster},
 * {@link AggregatorInstance}), which can be killed and started again while the stack
 * runs; the producers stay in this JVM.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration READY_PATIENCE = Duration.ofSeconds(90);

	/** The system property {@code logback.xml} takes the log file's name from. */
	private static final String LOG_FILE_PROPERTY = "local-stack.log-file";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Decimals as BigDecimal, as the demonstration reads them: totals compared exactly.
	 */
	private static final JsonMapper EXACT_JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Logger logger = LoggerFactory.getLogger(LocalStack.class);

	/** How long a stopped aggregator instance may take to leave its group and close. */
	private static final Duration AGGREGATOR_GRACE = Duration.ofSeconds(30);

	private final Settings settings;

	private final Catalogue catalogue;

	private KafkaNode broker;

	private volatile BrokerCluster cluster;

	private final List<AggregatorInstance> aggregatorInstances = new CopyOnWriteArrayList<>();

	private Map<String, String> aggregatorSettings = Map.of();

	private volatile Consumer<String> notices = logger::warn;

	private volatile boolean closing;

	private final Map<String, ConfigurableApplicationContext> producers = new LinkedHashMap<>();

	private final Map<String, String> producerUrls = new LinkedHashMap<>();

	private AgencyCredentials credentials;

	private StackTls tls;

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
		this.tls = this.settings.tls() ? StackTls.open(this.settings.dataDirectory()) : null;
		startBroker(stateCodes);
		checkNotStopping();
		String bootstrap = bootstrapServers();
		Map<String, String> shared = new LinkedHashMap<>(replication());
		if (this.tls != null) {
			// after each service's own Kafka user: SASL_SSL trusting the stack's CA, and
			// HTTPS
			shared.putAll(this.tls.serviceProperties());
		}
		shared.putAll(this.settings.extraProperties());
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
				this.producerUrls.put(state, this.settings.scheme() + "://localhost:" + port);
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
			aggregatorProperties.putAll(instances());
			aggregatorProperties.putAll(shared);
			if (this.settings.separateProcesses()) {
				startAggregatorProcesses(aggregatorProperties);
			}
			else {
				this.aggregator = ServiceLauncher.startAggregator(this.settings.aggregatorPort(), bootstrap,
						this.settings.dataDirectory(), aggregatorProperties);
			}
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
		String adminPassword = this.credentials.kafkaPassword(KafkaUsers.ADMIN);
		if (this.settings.brokers() > 1) {
			// a cluster whose size is in its directory's name: its quorum's voters are
			// fixed when it is first formatted
			this.cluster = new BrokerCluster(
					this.settings.dataDirectory().resolve("brokers-" + this.settings.brokers()),
					this.settings.brokers(), this.settings.kafkaPort(), adminPassword, kafkaTls(), logDirectory(),
					this::exited);
			this.cluster.start();
		}
		else {
			// one node, no replicas: only writing every batch to disk before
			// acknowledging it keeps acknowledged records through a power loss or a
			// killed
			// virtual machine (a cluster gets that from its replicas instead)
			this.broker = new KafkaNode(this.settings.dataDirectory().resolve("kafka"), this.settings.kafkaPort(),
					this.settings.controllerPort(), adminPassword, Map.of("log.flush.interval.messages", "1"),
					kafkaTls())
				.start();
		}
		// the same per-principal operations as the operator's command (./kafka-access)
		try (Admin admin = admin()) {
			this.credentials.kafkaProducerPasswords(states)
				.forEach((state, password) -> AccessControl.applyProducer(admin, state, password));
			AccessControl.applyAggregator(admin, this.credentials.kafkaPassword(KafkaUsers.AGGREGATOR),
					KafkaUsers.AGGREGATOR_APPLICATION_ID);
		}
	}

	private KafkaTls kafkaTls() {
		return (this.tls != null) ? this.tls.kafka() : null;
	}

	/**
	 * How every service replicates the topics it creates and checks: as many replicas as
	 * brokers, at most three, and two in sync for a write once there are three.
	 * @return the services' {@code jointops.kafka.replication.*} settings
	 */
	private Map<String, String> replication() {
		int brokers = this.settings.brokers();
		return Map.of("jointops.kafka.replication.replication-factor",
				String.valueOf(NodeConfiguration.replicationFactor(brokers)),
				"jointops.kafka.replication.min-insync-replicas",
				String.valueOf(NodeConfiguration.minInsyncReplicas(brokers)));
	}

	/**
	 * How many aggregator instances run, all on this machine, each on a port of its own
	 * (which tells them apart on loopback), with a standby replica of every store once
	 * there are two.
	 * @return the aggregator's {@code jointops.instances.*} settings
	 */
	private Map<String, String> instances() {
		int aggregators = this.settings.aggregators();
		if (aggregators == 1) {
			return Map.of();
		}
		return Map.of("jointops.instances.expected", String.valueOf(aggregators), "jointops.instances.one-host", "true",
				"jointops.instances.standby-replicas", "1", "jointops.advertised-host", "127.0.0.1");
	}

	private void startAggregatorProcesses(Map<String, String> properties) {
		this.aggregatorSettings = Map.copyOf(properties);
		for (int number = 1; number <= this.settings.aggregators(); number++) {
			this.aggregatorInstances.add(new AggregatorInstance(number, this.settings.aggregatorPort(number),
					this.settings.dataDirectory(), logDirectory(), this::exited, this.settings.scheme()));
		}
		for (AggregatorInstance instance : this.aggregatorInstances) {
			checkNotStopping();
			instance.start(bootstrapServers(), this::clusterId, this.aggregatorSettings);
		}
	}

	/**
	 * A client of the services' HTTP: it trusts the stack's CA when they serve HTTPS.
	 * @param connectTimeout how long a connection may take
	 * @return a new client
	 */
	public HttpClient httpClient(Duration connectTimeout) {
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
		if (this.tls != null) {
			builder.sslContext(this.tls.clientContext());
		}
		return builder.build();
	}

	/**
	 * The stack's certificates when it runs with TLS.
	 * @return its CA's PEM certificate ({@code curl --cacert}), empty without TLS
	 */
	public Optional<Path> caCertificate() {
		return Optional.ofNullable(this.tls).map(StackTls::caCertificate);
	}

	private Admin admin() {
		Map<String, Object> properties = new LinkedHashMap<>(kafkaAdminProperties());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000);
		return Admin.create(properties);
	}

	private String clusterId() {
		try (Admin admin = admin()) {
			return admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka does not tell its cluster id", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Path logDirectory() {
		return this.settings.dataDirectory().resolve("logs");
	}

	/**
	 * Waits until every service is UP. An aggregator that rebuilds its state from the
	 * findings topics (after an upgrade to a new state layout) is not ready until it has
	 * caught up, which can take longer than the patience: it is waited for as long as it
	 * makes progress.
	 */
	private void awaitHealthy() {
		List<String> pending = new ArrayList<>(this.producerUrls.values());
		pending.addAll(aggregatorUrls());
		awaitHealthy(pending);
	}

	private void awaitHealthy(List<String> urls) {
		HttpClient http = httpClient(Duration.ofSeconds(5));
		List<String> pending = new ArrayList<>(urls);
		Instant deadline = Instant.now().plus(READY_PATIENCE);
		JsonNode catchingUp = null;
		while (!pending.isEmpty()) {
			checkNotStopping();
			pending.removeIf((url) -> isUp(http, url));
			if (pending.isEmpty()) {
				return;
			}
			checkAggregatorsRun();
			JsonNode progress = catchUpProgress(http, pending.get(0), this.credentials.monitoringToken());
			if (progress != null && !progress.equals(catchingUp)) {
				catchingUp = progress;
				deadline = Instant.now().plus(READY_PATIENCE);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Not healthy after " + READY_PATIENCE.toSeconds() + " s: " + pending);
			}
			pause(Duration.ofMillis(200));
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isUp(HttpClient http, String url) {
		return health(http, url, null).map((response) -> response.statusCode() == 200).orElse(false);
	}

	/*
	 * The aggregator's progress while it catches up with the findings topics (the topics
	 * and the records behind), null when it does not say it is catching up. Health shows
	 * its details to the monitoring token only.
	 */
	private static JsonNode catchUpProgress(HttpClient http, String url, String monitoringToken) {
		return health(http, url, monitoringToken).map((response) -> {
			try {
				JsonNode details = JSON.readTree(response.body()).at("/components/streams/details");
				return details.path("catchingUp").asBoolean(false) ? details : null;
			}
			catch (JacksonException ex) {
				return null;
			}
		}).orElse(null);
	}

	private static Optional<HttpResponse<String>> health(HttpClient http, String url, String monitoringToken) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
				.timeout(Duration.ofSeconds(5));
			if (monitoringToken != null) {
				request.header("Authorization", "Bearer " + monitoringToken);
			}
			return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private void checkAggregatorsRun() {
		for (AggregatorInstance instance : this.aggregatorInstances) {
			if (instance.process().handle().isPresent() && !instance.process().isAlive()) {
				throw new IllegalStateException(
						instance.process().name() + " has exited; see " + instance.process().log());
			}
		}
	}

	public String bootstrapServers() {
		return (this.cluster != null) ? this.cluster.bootstrapServers() : this.broker.bootstrapServers();
	}

	/**
	 * Settings of a client that works as the node's administrator (its only super user),
	 * e.g. a test reading every topic.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> kafkaAdminProperties() {
		return (this.cluster != null) ? this.cluster.adminProperties() : this.broker.adminClientProperties();
	}

	/**
	 * Base URL of the aggregator (its first instance).
	 * @return {@code http://localhost:<port>} ({@code https} with TLS)
	 */
	public String aggregatorUrl() {
		return this.settings.scheme() + "://localhost:" + this.settings.aggregatorPort();
	}

	/**
	 * Base URLs of every aggregator instance, in order.
	 * @return {@code http://localhost:<port>} of each ({@code https} with TLS)
	 */
	public List<String> aggregatorUrls() {
		List<String> urls = new ArrayList<>();
		for (int number = 1; number <= this.settings.aggregators(); number++) {
			urls.add(this.settings.scheme() + "://localhost:" + this.settings.aggregatorPort(number));
		}
		return urls;
	}

	public Settings settings() {
		return this.settings;
	}

	/**
	 * The processes of the replicated shape: every broker, then every aggregator
	 * instance, running or not; none in the one-process shape.
	 * @return the processes
	 */
	public List<StackProcess> processes() {
		List<StackProcess> processes = new ArrayList<>();
		if (this.cluster != null) {
			for (int node = 1; node <= this.cluster.size(); node++) {
				processes.add(new StackProcess(Role.BROKER, node, this.cluster.address(node), this.cluster.node(node)));
			}
		}
		for (AggregatorInstance instance : this.aggregatorInstances) {
			processes.add(new StackProcess(Role.AGGREGATOR, instance.number(), instance.url(), instance.process()));
		}
		return processes;
	}

	/**
	 * One process of the replicated shape.
	 * @param role a broker or an aggregator instance
	 * @param number its number, from 1
	 * @return the process
	 * @throws IllegalArgumentException if there is no such process
	 */
	public StackProcess process(Role role, int number) {
		return processes().stream()
			.filter((process) -> process.role() == role && process.number() == number)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("There is no " + role.label() + " " + number
					+ " running as a process of its own" + (this.settings.separateProcesses() ? ""
							: " (start the stack with --brokers 3 --aggregators 2)")));
	}

	/**
	 * Kills a process of the replicated shape ({@code SIGKILL}); the stack reports its
	 * end as of any process that died.
	 * @param role a broker or an aggregator instance
	 * @param number its number, from 1
	 */
	public void kill(Role role, int number) {
		process(role, number).process().kill();
	}

	/**
	 * Starts a process of the replicated shape again and waits until it is ready: a
	 * broker live in the cluster, an aggregator instance UP.
	 * @param role a broker or an aggregator instance
	 * @param number its number, from 1
	 */
	public void start(Role role, int number) {
		StackProcess process = process(role, number);
		if (process.isAlive()) {
			throw new IllegalStateException(process.name() + " is running (pid " + process.pid().getAsLong() + ")");
		}
		if (role == Role.BROKER) {
			this.cluster.start(number);
		}
		else {
			this.aggregatorInstances.get(number - 1)
				.start(bootstrapServers(), this::clusterId, this.aggregatorSettings);
			awaitHealthy(List.of(process.address()));
		}
	}

	/**
	 * Where the stack says that one of its processes ended without being asked to: the
	 * log unless told otherwise (the console).
	 * @param notices what to do with each notice
	 */
	public void onNotice(Consumer<String> notices) {
		this.notices = notices;
	}

	private void exited(ChildProcess child, Process ended) {
		if (this.closing) {
			return;
		}
		String name = child.name();
		StackProcess process = processes().stream()
			.filter((candidate) -> candidate.process() == child)
			.findFirst()
			.orElse(null);
		if (process == null) {
			return; // still starting: the start reports it
		}
		List<StackProcess> alike = processes().stream().filter((other) -> other.role() == process.role()).toList();
		long alive = alike.stream().filter(StackProcess::isAlive).count();
		String exit = name + " (pid " + ended.pid() + ") exited (" + exitStatus(ended) + "): ";
		String consequence;
		if (process.role() == Role.BROKER) {
			int minInsync = NodeConfiguration.minInsyncReplicas(alike.size());
			consequence = "the cluster goes on with " + alive + " of " + alike.size() + " brokers"
					+ ((alive >= minInsync) ? " (every write still reaches " + minInsync + " in-sync replicas)"
							: ": fewer than " + minInsync + " in-sync replicas, writes wait until a broker is back");
		}
		else {
			consequence = (alive == 0) ? "no aggregator instance answers"
					: alive + " of " + alike.size() + " aggregator instances answer; they take over its "
							+ "partitions within about 10 s (standby replicas answer meanwhile)";
		}
		this.notices.accept(exit + consequence + "; 'start " + name + "' starts it again");
	}

	private static String exitStatus(Process ended) {
		int code = ended.exitValue();
		return (code > 128) ? "killed by signal " + (code - 128) : "exit code " + code;
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
		return new Demo(new LinkedHashMap<>(this.producerUrls), this.credentials, aggregatorUrl(), this.catalogue, out,
				httpClient(Duration.ofSeconds(5)))
			.run();
	}

	/**
	 * Asks every aggregator instance for the totals of the demonstration's operation and
	 * prints whether each answers the same as the first: the instances that do not hold
	 * the operation forward the question to the one that does (or answer from a standby
	 * replica).
	 * @param totals the totals the demonstration printed
	 * @param out where to print
	 * @return whether every instance answered the same totals
	 */
	public boolean printTotalsOfEveryInstance(JsonNode totals, PrintStream out) {
		String operation = totals.path("operation").asString();
		String token = this.credentials.readerToken(AgencyCredentials.SECRETARIAT);
		HttpClient http = httpClient(Duration.ofSeconds(2));
		out.println("The same totals asked of every aggregator instance:");
		boolean same = true;
		for (String url : aggregatorUrls()) {
			Optional<JsonNode> answer = Optional.empty();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			answer = totals(http, url, operation, token);
			while (!answer.map(totals::equals).orElse(false) && Instant.now().isBefore(deadline)) {
				pause(Duration.ofMillis(200));
				answer = totals(http, url, operation, token);
			}
			boolean equal = answer.map(totals::equals).orElse(false);
			same &= equal;
			out.println("  " + url + "  "
					+ (equal ? "the same: " + totals.path("reports").asLong() + " reports, version "
							+ totals.path("version").asLong()
							: answer.map((other) -> "different: " + other).orElse("no answer")));
		}
		return same;
	}

	private static Optional<JsonNode> totals(HttpClient http, String url, String operation, String token) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(url + "/api/v1/operations/" + operation + "/totals"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(EXACT_JSON.readTree(response.body()))
					: Optional.empty();
		}
		catch (IOException | JacksonException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Stops the producers (no more input), then the aggregator (every instance), then the
	 * broker (every node).
	 */
	@Override
	public void close() {
		this.closing = true;
		this.producers.values().parallelStream().forEach(ConfigurableApplicationContext::close);
		this.producers.clear();
		if (this.aggregator != null) {
			this.aggregator.close();
			this.aggregator = null;
		}
		this.aggregatorInstances.parallelStream().forEach((instance) -> instance.process().stop(AGGREGATOR_GRACE));
		if (this.broker != null) {
			this.broker.close();
			this.broker = null;
		}
		if (this.cluster != null) {
			this.cluster.stop();
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
		out.println("  Kafka              " + stack.bootstrapServers() + "  ("
				+ (options.settings().tls() ? "SASL_SSL" : "SASL") + ", ACLs on; users kafka.<user> in "
				+ stack.credentials().file() + ")");
		stack.caCertificate()
			.ifPresent((ca) -> out.println("  TLS                the stack's CA: " + ca
					+ "  (curl --cacert; Kafka clients: truststore.p12 and truststore.password beside it)"));
		if (options.settings().brokers() > 1) {
			out.println("                     " + options.settings().brokers() + " brokers, every topic with "
					+ NodeConfiguration.replicationFactor(options.settings().brokers())
					+ " replicas, 2 in sync for a write");
		}
		for (String url : stack.aggregatorUrls()) {
			out.println("  aggregator         " + url + "  (GET /api/v1/operations)");
		}
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
				+ "  (every service's /actuator/metrics, /actuator/prometheus and the details of /actuator/health)");
		Console console = new Console(stack, out);
		if (options.settings().separateProcesses()) {
			out.println();
			console.printStatus();
			stack.onNotice((notice) -> out.println("! " + notice));
		}
		if (options.demo()) {
			out.println();
			try {
				JsonNode totals = stack.runDemo(out);
				if (stack.aggregatorUrls().size() > 1) {
					stack.printTotalsOfEveryInstance(totals, out);
				}
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
		if (options.settings().separateProcesses()) {
			out.println(Console.HELP);
			Thread commands = new Thread(() -> console.run(System.in), "local-stack-console");
			commands.setDaemon(true);
			commands.start();
		}
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
	 * @param kafkaPort the client port of Kafka
	 * @param controllerPort the controller port of Kafka
	 * @param aggregatorPort the aggregator's HTTP port
	 * @param firstProducerPort the HTTP port of the first state's producer; the others
	 * follow
	 * @param catalogueFiles extra catalogue files for every service
	 * @param extraProperties further settings for every service
	 * @param brokers how many Kafka nodes: 1 (in this JVM), or 3 or more, each a process
	 * of its own (node {@code n} on {@code kafkaPort + 2(n-1)}, its controller on the
	 * port after)
	 * @param aggregators aggregator instances: 1, or more, each a process of its own (the
	 * first on {@code aggregatorPort}, instance {@code n} on
	 * {@code aggregatorPort + 8 + n}: 8080, 8090, 8091, …)
	 * @param tls whether Kafka's listeners are {@code SASL_SSL} and the services serve
	 * HTTPS, with certificates from a CA of the stack's own under {@code tls/} of the
	 * data directory ({@code --tls}); loopback plaintext otherwise
	 */
	public record Settings(Path dataDirectory, int kafkaPort, int controllerPort, int aggregatorPort,
			int firstProducerPort, List<Path> catalogueFiles, Map<String, String> extraProperties, int brokers,
			int aggregators, boolean tls) {

		// two brokers (or fewer than one), or no aggregator, are refused
		public Settings {
			checkShape(brokers, aggregators);
		}

		/**
		 * Settings without TLS.
		 * @param dataDirectory the broker's log, the aggregator's local state and the
		 * services' working files
		 * @param kafkaPort the client port of Kafka
		 * @param controllerPort the controller port of Kafka
		 * @param aggregatorPort the aggregator's HTTP port
		 * @param firstProducerPort the HTTP port of the first state's producer; the
		 * others follow
		 * @param catalogueFiles extra catalogue files for every service
		 * @param extraProperties further settings for every service
		 * @param brokers how many Kafka nodes
		 * @param aggregators aggregator instances
		 */
		public Settings(Path dataDirectory, int kafkaPort, int controllerPort, int aggregatorPort,
				int firstProducerPort, List<Path> catalogueFiles, Map<String, String> extraProperties, int brokers,
				int aggregators) {
			this(dataDirectory, kafkaPort, controllerPort, aggregatorPort, firstProducerPort, catalogueFiles,
					extraProperties, brokers, aggregators, false);
		}

		/**
		 * One broker and one aggregator, all in this JVM.
		 * @param dataDirectory the broker's log, the aggregator's local state and the
		 * services' working files
		 * @param kafkaPort the client port of Kafka
		 * @param controllerPort the controller port of Kafka
		 * @param aggregatorPort the aggregator's HTTP port
		 * @param firstProducerPort the HTTP port of the first state's producer; the
		 * others follow
		 * @param catalogueFiles extra catalogue files for every service
		 * @param extraProperties further settings for every service
		 */
		public Settings(Path dataDirectory, int kafkaPort, int controllerPort, int aggregatorPort,
				int firstProducerPort, List<Path> catalogueFiles, Map<String, String> extraProperties) {
			this(dataDirectory, kafkaPort, controllerPort, aggregatorPort, firstProducerPort, catalogueFiles,
					extraProperties, 1, 1);
		}

		/**
		 * ./data, Kafka on 9092 (controller 9093), the aggregator on 8080, producers from
		 * 8081.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(Path.of("data"), 9092, 9093, 8080, 8081, List.of(), Map.of());
		}

		/**
		 * Checks a number of brokers and of aggregator instances.
		 * @param brokers how many Kafka nodes
		 * @param aggregators aggregator instances
		 * @throws IllegalArgumentException for two brokers (or fewer than one), or fewer
		 * than one aggregator
		 */
		static void checkShape(int brokers, int aggregators) {
			if (brokers == 2) {
				throw new IllegalArgumentException("--brokers 2 is not a shape the stack runs: every topic has "
						+ "three replicas and needs two in sync (min ISR 2) to take a write, which takes three "
						+ "brokers; use --brokers 1 or --brokers 3 (or more)");
			}
			if (brokers < 1) {
				throw new IllegalArgumentException("--brokers must be 1, or 3 or more, not " + brokers);
			}
			if (aggregators < 1) {
				throw new IllegalArgumentException("--aggregators must be 1 or more, not " + aggregators);
			}
		}

		/**
		 * The same with another shape.
		 * @param brokers how many Kafka nodes
		 * @param aggregators aggregator instances
		 * @return the settings
		 */
		public Settings withShape(int brokers, int aggregators) {
			return new Settings(this.dataDirectory, this.kafkaPort, this.controllerPort, this.aggregatorPort,
					this.firstProducerPort, this.catalogueFiles, this.extraProperties, brokers, aggregators, this.tls);
		}

		/**
		 * The same with TLS on or off.
		 * @param tls whether Kafka is {@code SASL_SSL} and the services HTTPS
		 * @return the settings
		 */
		public Settings withTls(boolean tls) {
			return new Settings(this.dataDirectory, this.kafkaPort, this.controllerPort, this.aggregatorPort,
					this.firstProducerPort, this.catalogueFiles, this.extraProperties, this.brokers, this.aggregators,
					tls);
		}

		/**
		 * The scheme of the services' addresses.
		 * @return {@code https} with TLS, else {@code http}
		 */
		public String scheme() {
			return this.tls ? "https" : "http";
		}

		/**
		 * Whether brokers and aggregators run as processes of their own (the replicated
		 * shape): as soon as there is more than one of either.
		 * @return true unless one broker and one aggregator
		 */
		public boolean separateProcesses() {
			return this.brokers > 1 || this.aggregators > 1;
		}

		/**
		 * The HTTP port of an aggregator instance.
		 * @param number the instance, from 1
		 * @return {@code aggregatorPort} for the first, {@code aggregatorPort + 8 + n}
		 * for instance {@code n} after it
		 */
		public int aggregatorPort(int number) {
			return (number == 1) ? this.aggregatorPort : this.aggregatorPort + 8 + number;
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
