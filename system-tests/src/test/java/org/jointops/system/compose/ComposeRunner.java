package org.jointops.system.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.ToolProvider;

import org.jointops.system.compose.ComposeFile.HealthCheck;
import org.jointops.system.compose.ComposeFile.Mount;
import org.jointops.system.compose.ComposeFile.Service;
import org.jointops.testsupport.FreePorts;

/**
 * Runs a {@link ComposeFile} without a container engine: every service a process of this
 * machine, with the environment the file gives it, started when its {@code depends_on}
 * conditions hold. What is emulated, and how:
 * <ul>
 * <li>The network: each service name is a host name of 127.0.0.1 in a hosts file given to
 * every JVM ({@code -Djdk.net.hosts.file}), so TLS host names stay the service names;
 * each container port of {@code expose} is a free loopback port of its own, and only port
 * numbers are rewritten: {@code <service>:<port>} in any value, the service's own
 * {@code ://:<port>}, {@code localhost:<port>} and {@code SERVER_PORT}.</li>
 * <li>The file system: a named volume is a directory of the run, a bind mount its host
 * directory; a container path of a mount (and the image's {@code /app/app.jar}, and
 * {@code /app} of the health check's class) is rewritten to the host path wherever it
 * appears in a value, an argument or a shell command.</li>
 * <li>The images: {@code jointops/*} runs its {@code ENTRYPOINT} ({@code java -jar
 * /app/app.jar}, the exec jar the reactor built for its {@code SERVICE} build argument,
 * {@code JAVA_TOOL_OPTIONS} of the Dockerfile unless the file sets it) or the file's
 * {@code entrypoint} ({@code sh -c}, with {@code java} the same JVM);
 * {@code apache/kafka} runs the image's start-up: its {@code configureDefaults} and
 * {@code configure} rules (the SSL files under {@code /etc/kafka/secrets},
 * {@code KAFKA_OPTS} required with SASL listeners), then, as its {@code launch} script,
 * Kafka's own {@code kafka.docker.KafkaDockerWrapper setup} (the real mapping from
 * {@code KAFKA_*} variables to {@code server.properties}, and the storage formatted with
 * {@code CLUSTER_ID}; "already formatted" passes) and {@code kafka.Kafka} with
 * {@code KAFKA_HEAP_OPTS} and {@code KAFKA_OPTS}; its {@code /opt/kafka/bin} tools in a
 * health check run their main classes.</li>
 * <li>Memory: the container's limit is what the JVM takes for the machine's memory
 * ({@code -XX:MaxRAM=<mem_limit>}), so {@code -XX:MaxRAMPercentage} sizes the heap as in
 * the container.</li>
 * <li>Health: the check's command runs on this machine with the service's environment; it
 * is run once the service's first exposed port accepts connections, then at most every 3
 * s (more often than a longer {@code interval}), but a service is declared unhealthy only
 * after the file's own patience ({@code start_period} and {@code retries} times
 * {@code interval}).</li>
 * </ul>
 * Not emulated: the images' user (10001; the Dockerfile's ownership of mount points is
 * checked by {@code ComposeFileTests}), cgroup CPU and memory enforcement, container
 * isolation (the processes share this machine's loopback and file system), published
 * ports, restart policies, and the JVM flags of the images (every JVM here runs with
 * {@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1} to fit two cores).
 */
final class ComposeRunner implements AutoCloseable {

	static final List<String> FAST_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Djava.awt.headless=true");

	private static final Duration SETTLE = Duration.ofSeconds(3);

	private static final Pattern OWN_PORT = Pattern.compile("(://:|://0\\.0\\.0\\.0:|localhost:)(\\d+)");

	private final ComposeFile file;

	private final Path work;

	private final Map<String, Path> jars;

	private final Path hostsFile;

	private final Path healthClasses;

	private final Map<String, Map<Integer, Integer>> ports = new LinkedHashMap<>();

	private final Map<String, Process> processes = new ConcurrentHashMap<>();

	private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();

	private final ExecutorService checks = Executors.newFixedThreadPool(2);

	private final Map<String, Future<Boolean>> checking = new ConcurrentHashMap<>();

	private final Map<String, Instant> lastCheck = new ConcurrentHashMap<>();

	private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

	/**
	 * Prepares a run: ports, volumes and the hosts file; nothing starts.
	 * @param file the compose file
	 * @param work the run's directory (volumes, logs, configuration)
	 * @param jars the exec jar of each {@code SERVICE} build argument
	 * @param healthCheckSource the source of the images' health check class
	 */
	ComposeRunner(ComposeFile file, Path work, Map<String, Path> jars, Path healthCheckSource) {
		this.file = file;
		this.work = work.toAbsolutePath();
		this.jars = Map.copyOf(jars);
		try {
			Files.createDirectories(this.work.resolve("logs"));
			this.hostsFile = this.work.resolve("hosts");
			Files.writeString(this.hostsFile,
					"127.0.0.1 localhost " + String.join(" ", file.services().keySet()) + "\n::1 localhost\n");
			this.healthClasses = Files.createDirectories(this.work.resolve("health"));
			int compiled = ToolProvider.getSystemJavaCompiler()
				.run(null, null, null, "-d", this.healthClasses.toString(), healthCheckSource.toString());
			if (compiled != 0) {
				throw new IllegalStateException("Cannot compile " + healthCheckSource);
			}
			for (String volume : file.volumes()) {
				Files.createDirectories(volumeDirectory(volume));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		file.services().forEach((name, service) -> {
			Map<Integer, Integer> mapped = new LinkedHashMap<>();
			service.expose().forEach((port) -> mapped.put(port, FreePorts.next()));
			this.ports.put(name, mapped);
		});
	}

	/**
	 * The loopback port a container port of a service is mapped to.
	 * @param service the service
	 * @param containerPort its port in the container
	 * @return the port on 127.0.0.1
	 */
	int port(String service, int containerPort) {
		Integer port = this.ports.getOrDefault(service, Map.of()).get(containerPort);
		if (port == null) {
			throw new IllegalArgumentException(service + " exposes no port " + containerPort);
		}
		return port;
	}

	Path hostsFile() {
		return this.hostsFile;
	}

	Path log(String service) {
		return this.work.resolve("logs").resolve(service + ".log");
	}

	/**
	 * Starts every service in the order of its {@code depends_on} conditions and returns
	 * when each is up: healthy if it has a health check, ended with 0 if a service waits
	 * for its completion, otherwise still running 3 s after its start.
	 * @param patience the longest the whole start may take
	 * @throws IllegalStateException if the file names an unknown dependency, a condition
	 * cannot hold (a {@code service_healthy} dependency without a health check), a
	 * service ends when it should run or fails when it should complete, a health check
	 * stays failing past the file's patience, or the start takes too long
	 */
	void up(Duration patience) {
		validate();
		Instant deadline = Instant.now().plus(patience);
		List<String> pending = new ArrayList<>(this.file.services().keySet());
		while (true) {
			for (String name : List.copyOf(pending)) {
				if (dependenciesHold(name)) {
					start(name);
					pending.remove(name);
				}
			}
			this.file.services().forEach((name, service) -> watch(name, service));
			if (pending.isEmpty() && this.file.services().keySet().stream().allMatch(this::up)) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw failure("The services were not all up within " + patience + "; waiting: " + pending);
			}
			pause();
		}
	}

	private void validate() {
		this.file.services().forEach((name, service) -> service.dependsOn().forEach((dependency, condition) -> {
			Service other = this.file.services().get(dependency);
			if (other == null) {
				throw new IllegalStateException(name + " depends on " + dependency + ", which is no service");
			}
			if (condition.equals("service_healthy") && other.healthCheck() == null) {
				throw new IllegalStateException(name + " waits for " + dependency
						+ " to be healthy, but it has no health check (compose refuses this)");
			}
			if (!List.of("service_started", "service_healthy", "service_completed_successfully").contains(condition)) {
				throw new IllegalStateException(name + ": unknown depends_on condition " + condition);
			}
		}));
	}

	private boolean dependenciesHold(String name) {
		return this.file.services().get(name).dependsOn().entrySet().stream().allMatch((dependency) -> {
			Process process = this.processes.get(dependency.getKey());
			return switch (dependency.getValue()) {
				case "service_started" -> process != null;
				case "service_healthy" -> Boolean.TRUE.equals(this.healthy.get(dependency.getKey()));
				default -> process != null && !process.isAlive() && process.exitValue() == 0;
			};
		});
	}

	private boolean awaitedToComplete(String name) {
		return this.file.services()
			.values()
			.stream()
			.anyMatch((service) -> "service_completed_successfully".equals(service.dependsOn().get(name)));
	}

	private boolean up(String name) {
		Process process = this.processes.get(name);
		if (process == null) {
			return false;
		}
		if (awaitedToComplete(name)) {
			return !process.isAlive() && process.exitValue() == 0;
		}
		if (this.file.services().get(name).healthCheck() == null) {
			// no health check: up once it has kept running for a moment (a process that
			// cannot
			// start ends within it, and fails the run)
			return process.isAlive() && Instant.now().isAfter(this.startedAt.get(name).plus(SETTLE));
		}
		return Boolean.TRUE.equals(this.healthy.get(name));
	}

	private void watch(String name, Service service) {
		Process process = this.processes.get(name);
		if (process == null) {
			return;
		}
		if (!process.isAlive()) {
			if (process.exitValue() != 0 || !awaitedToComplete(name)) {
				throw failure(name + " ended with exit code " + process.exitValue());
			}
			return;
		}
		HealthCheck check = service.healthCheck();
		if (check == null || Boolean.TRUE.equals(this.healthy.get(name))) {
			return;
		}
		Future<Boolean> inFlight = this.checking.get(name);
		if (inFlight != null) {
			if (!inFlight.isDone()) {
				return;
			}
			this.checking.remove(name);
			if (outcome(inFlight)) {
				this.healthy.put(name, true);
				return;
			}
			Duration patience = check.startPeriod().plus(check.interval().multipliedBy(check.retries()));
			if (Instant.now().isAfter(this.startedAt.get(name).plus(patience))) {
				throw failure(name + " is unhealthy: its health check failed for longer than the file allows ("
						+ patience + ")");
			}
		}
		Duration every = (check.interval().compareTo(Duration.ofSeconds(3)) < 0) ? check.interval()
				: Duration.ofSeconds(3);
		Instant last = this.lastCheck.get(name);
		if ((last == null || Instant.now().isAfter(last.plus(every))) && listening(name)) {
			this.lastCheck.put(name, Instant.now());
			this.checking.put(name, this.checks.submit(() -> runCheck(name, service, check)));
		}
	}

	/**
	 * Whether the service's first exposed port accepts connections: a health check (a JVM
	 * of its own here) before that could only fail, so none is started earlier.
	 */
	private boolean listening(String name) {
		Map<Integer, Integer> mapped = this.ports.get(name);
		if (mapped.isEmpty()) {
			return true;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), mapped.values().iterator().next()),
					500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean outcome(Future<Boolean> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private boolean runCheck(String name, Service service, HealthCheck check) throws IOException, InterruptedException {
		List<String> command = command(name, service, check.test());
		Process process = processBuilder(name, service, command).redirectErrorStream(true)
			.redirectOutput(
					ProcessBuilder.Redirect.appendTo(this.work.resolve("logs").resolve(name + ".health.log").toFile()))
			.start();
		if (!process.waitFor(check.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			return false;
		}
		return process.exitValue() == 0;
	}

	private void start(String name) {
		Service service = this.file.services().get(name);
		try {
			List<String> command;
			if (service.image().startsWith("apache/kafka:")) {
				command = kafkaLaunch(name, service);
			}
			else if (service.image().startsWith("jointops/")) {
				List<String> entrypoint = (service.entrypoint() != null) ? service.entrypoint()
						: List.of("java", "-jar", "/app/app.jar");
				List<String> all = new ArrayList<>(entrypoint);
				all.addAll(service.command());
				command = command(name, service, all);
			}
			else {
				throw new IllegalStateException(name + ": the emulation does not know the image " + service.image());
			}
			Files.writeString(log(name), "==== " + String.join(" ", command) + "\n");
			Process process = processBuilder(name, service, command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
				.start();
			this.processes.put(name, process);
			this.startedAt.put(name, Instant.now());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	private ProcessBuilder processBuilder(String name, Service service, List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> environment = builder.environment();
		environment.clear();
		environment.putAll(environment(name, service));
		environment.put("PATH", shims(name, service).toString() + ":/usr/local/bin:/usr/bin:/bin");
		builder.directory(Files.createDirectories(this.work.resolve("run").resolve(name)).toFile());
		return builder;
	}

	/**
	 * The service's environment as its process gets it: the file's, with ports and paths
	 * rewritten, and the image's defaults where the file sets none.
	 */
	Map<String, String> environment(String name, Service service) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (service.image().startsWith("jointops/")) {
			environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
		}
		service.environment().forEach((key, value) -> environment.put(key, rewrite(name, value)));
		String serverPort = environment.get("SERVER_PORT");
		if (serverPort != null && serverPort.matches("\\d+")) {
			environment.put("SERVER_PORT", String.valueOf(port(name, Integer.parseInt(serverPort))));
		}
		return environment;
	}

	private List<String> command(String name, Service service, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		String program = arguments.get(0);
		List<String> rest = arguments.subList(1, arguments.size()).stream().map((argument) -> {
			if (argument.equals("/app")) {
				return this.healthClasses.toString();
			}
			return rewrite(name, argument);
		}).toList();
		if (program.equals("java")) {
			command.addAll(java(service));
		}
		else if (program.startsWith("/opt/kafka/bin/")) {
			command.addAll(kafkaTool(service, program));
		}
		else if (program.equals("sh") || program.equals("/bin/sh") || program.equals("bash")) {
			command.add("/bin/sh");
		}
		else {
			throw new IllegalStateException(name + ": the emulation cannot run " + program);
		}
		command.addAll(rest);
		return command;
	}

	private List<String> java(Service service) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(containerJvm(service));
		return command;
	}

	private List<String> containerJvm(Service service) {
		List<String> options = new ArrayList<>(FAST_JVM);
		if (service.memoryLimit() > 0) {
			options.add("-XX:MaxRAM=" + service.memoryLimit());
		}
		options.add("-Djdk.net.hosts.file=" + this.hostsFile);
		return options;
	}

	private List<String> kafkaTool(Service service, String program) {
		String tool = Path.of(program).getFileName().toString();
		String main = switch (tool) {
			case "kafka-broker-api-versions.sh" -> "org.apache.kafka.tools.BrokerApiVersionsCommand";
			case "kafka-topics.sh" -> "org.apache.kafka.tools.TopicCommand";
			case "kafka-metadata-quorum.sh" -> "org.apache.kafka.tools.MetadataQuorumCommand";
			default -> throw new IllegalStateException("The emulation has no main class for " + program);
		};
		List<String> command = java(service);
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main);
		return command;
	}

	/**
	 * The image's start-up ({@code run}: {@code configureDefaults}, {@code configure},
	 * {@code launch}) as a shell script of this machine.
	 */
	private List<String> kafkaLaunch(String name, Service service) throws IOException {
		Map<String, String> environment = environment(name, service);
		Path secrets = hostPath(name, "/etc/kafka/secrets");
		Map<String, String> derived = new LinkedHashMap<>();
		// configure: the SSL files, as the image's script reads them
		String advertised = environment.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
		if (!environment.containsKey("CLUSTER_ID") && environment.containsKey("KAFKA_PROCESS_ROLES")) {
			throw new IllegalStateException(name + ": CLUSTER_ID is required in KRaft mode (the image's configure)");
		}
		if (advertised.contains("SSL://")) {
			derived.put("KAFKA_SSL_KEYSTORE_LOCATION",
					secretFile(name, secrets, environment, "KAFKA_SSL_KEYSTORE_FILENAME").toString());
			derived.put("KAFKA_SSL_KEY_PASSWORD", secret(name, secrets, environment, "KAFKA_SSL_KEY_CREDENTIALS"));
			derived.put("KAFKA_SSL_KEYSTORE_PASSWORD",
					secret(name, secrets, environment, "KAFKA_SSL_KEYSTORE_CREDENTIALS"));
			String clientAuth = environment.getOrDefault("KAFKA_SSL_CLIENT_AUTH", "");
			if (clientAuth.contains("required") || clientAuth.contains("requested")) {
				derived.put("KAFKA_SSL_TRUSTSTORE_LOCATION",
						secretFile(name, secrets, environment, "KAFKA_SSL_TRUSTSTORE_FILENAME").toString());
				derived.put("KAFKA_SSL_TRUSTSTORE_PASSWORD",
						secret(name, secrets, environment, "KAFKA_SSL_TRUSTSTORE_CREDENTIALS"));
			}
		}
		if (advertised.matches(".*SASL_.*://.*") && !environment.containsKey("KAFKA_OPTS")) {
			throw new IllegalStateException(
					name + ": KAFKA_OPTS is required with SASL listeners (the image's configure)");
		}
		Path run = Files.createDirectories(this.work.resolve("kafka").resolve(name));
		Path defaults = Files.createDirectories(run.resolve("etc-kafka-docker"));
		Path mounted = Files.createDirectories(run.resolve("mnt-shared-config"));
		Path config = Files.createDirectories(run.resolve("opt-kafka-config"));
		List<String> jvm = new ArrayList<>(java(service));
		jvm.addAll(split(environment.getOrDefault("KAFKA_HEAP_OPTS", "-Xmx1G -Xms1G")));
		jvm.addAll(split(environment.getOrDefault("KAFKA_OPTS", "")));
		jvm.add("-cp");
		jvm.add(System.getProperty("java.class.path"));
		String setup = quote(jvm) + " kafka.docker.KafkaDockerWrapper setup --default-configs-dir " + quote(defaults)
				+ " --mounted-configs-dir " + quote(mounted) + " --final-configs-dir " + quote(config);
		String script = "set -u\n"
				+ derived.entrySet()
					.stream()
					.map((entry) -> "export " + entry.getKey() + "=" + quote(entry.getValue()))
					.collect(Collectors.joining("\n"))
				+ "\n" + "result=$(" + setup
				+ " 2>&1) || echo \"$result\" | grep -qi 'already formatted' || { echo \"$result\"; exit 1; }\n"
				+ "echo \"$result\"\n" + "exec " + quote(jvm) + " kafka.Kafka "
				+ quote(config.resolve("server.properties")) + "\n";
		Path launch = run.resolve("launch.sh");
		Files.writeString(launch, script);
		return List.of("/bin/sh", launch.toString());
	}

	private Path secretFile(String name, Path secrets, Map<String, String> environment, String variable) {
		String file = environment.get(variable);
		if (file == null) {
			throw new IllegalStateException(
					name + ": " + variable + " is required with SSL listeners (the image's configure)");
		}
		Path path = secrets.resolve(file);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException(
					name + ": " + variable + " names /etc/kafka/secrets/" + file + ", which does not exist");
		}
		return path;
	}

	private String secret(String name, Path secrets, Map<String, String> environment, String variable) {
		try {
			return Files.readString(secretFile(name, secrets, environment, variable)).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path hostPath(String name, String containerPath) {
		String rewritten = rewrite(name, containerPath);
		if (rewritten.equals(containerPath)) {
			throw new IllegalStateException(name + ": nothing is mounted at " + containerPath);
		}
		return Path.of(rewritten);
	}

	private Path shims(String name, Service service) throws IOException {
		Path bin = this.work.resolve("bin").resolve(name);
		Path java = bin.resolve("java");
		if (!Files.exists(java)) {
			Files.createDirectories(bin);
			// `java` in a shell command of the file: this JVM, with the container's
			// options
			Files.writeString(java, "#!/bin/sh\nexec " + quote(java(service)) + " \"$@\"\n");
			java.toFile().setExecutable(true);
		}
		return bin;
	}

	/**
	 * A value of the file as this machine needs it: container paths of the service's
	 * mounts and of its image, and container ports, rewritten.
	 */
	String rewrite(String name, String value) {
		Service service = this.file.services().get(name);
		String result = value;
		List<Mount> mounts = new ArrayList<>(service.mounts());
		mounts.sort(Comparator.comparingInt((Mount mount) -> mount.target().length()).reversed());
		for (Mount mount : mounts) {
			String host = mount.named() ? volumeDirectory(mount.source()).toString() : mount.source();
			result = result.replaceAll(Pattern.quote(mount.target()) + "(?=$|[/\\s\"',:;])",
					Matcher.quoteReplacement(host));
		}
		String jar = (service.buildService() != null && this.jars.containsKey(service.buildService()))
				? this.jars.get(service.buildService()).toString() : null;
		if (jar != null) {
			result = result.replace("/app/app.jar", jar);
		}
		for (Map.Entry<String, Map<Integer, Integer>> other : this.ports.entrySet()) {
			for (Map.Entry<Integer, Integer> port : other.getValue().entrySet()) {
				result = result.replaceAll(
						"(?<![A-Za-z0-9_.-])" + Pattern.quote(other.getKey()) + ":" + port.getKey() + "(?![0-9])",
						other.getKey() + ":" + port.getValue());
			}
		}
		Matcher own = OWN_PORT.matcher(result);
		StringBuilder out = new StringBuilder();
		while (own.find()) {
			Integer mapped = this.ports.get(name).get(Integer.parseInt(own.group(2)));
			own.appendReplacement(out,
					Matcher.quoteReplacement(own.group(1) + ((mapped != null) ? mapped : own.group(2))));
		}
		own.appendTail(out);
		return out.toString();
	}

	Path volumeDirectory(String volume) {
		return this.work.resolve("volumes").resolve(volume);
	}

	private IllegalStateException failure(String message) {
		StringBuilder text = new StringBuilder(message);
		this.file.services().keySet().forEach((name) -> {
			Process process = this.processes.get(name);
			text.append("\n  ").append(name).append(": ").append(status(name, process));
		});
		String failed = message.split(" ")[0];
		Path log = log(failed);
		if (Files.exists(log)) {
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				text.append("\n--- last lines of ").append(log).append(":\n");
				lines.subList(Math.max(0, lines.size() - 40), lines.size())
					.forEach((line) -> text.append(line).append('\n'));
			}
			catch (IOException ex) {
				// the message is enough
			}
		}
		return new IllegalStateException(text.toString());
	}

	private String status(String name, Process process) {
		if (process == null) {
			return "not started";
		}
		if (!process.isAlive()) {
			return "exited " + process.exitValue();
		}
		return Boolean.TRUE.equals(this.healthy.get(name)) ? "healthy" : "running";
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> split(String options) {
		return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
	}

	static String quote(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(ComposeRunner::quote).collect(Collectors.joining(" "));
		}
		return "'" + value.toString().replace("'", "'\\''") + "'";
	}

	/**
	 * Stops every service (as {@code docker compose down} would, in reverse order), then
	 * kills what has not ended.
	 */
	@Override
	public void close() {
		this.checks.shutdownNow();
		List<String> names = new ArrayList<>(this.processes.keySet());
		java.util.Collections.reverse(names);
		for (String name : names) {
			Process process = this.processes.get(name);
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
		}
		for (String name : names) {
			Process process = this.processes.get(name);
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.descendants().forEach(ProcessHandle::destroyForcibly);
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
