package org.jointops.kafkanode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.resource.PatternType;

/**
 * The operator's command for the Kafka users and ACLs of jointops
 * ({@link AccessControl}): a state's producer user and its ACLs, the aggregator's, a list
 * to check them, and the removal of a state's producer. It connects as the cluster's
 * administrator with standard Kafka client properties ({@code --command-config}, as
 * Kafka's own {@code kafka-acls.sh}); passwords are read from a file or standard input,
 * never from the command line. Run by {@code ./kafka-access} at the repository's root.
 * <p>
 * Exit codes: 0 done, 1 failed (one line on standard error says why), 2 wrong usage.
 */
public final class KafkaAccessCommand {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String NAME = "kafka-access";

	private static final Pattern JOINTOPS_USER = Pattern.compile("producer-[a-z]{3}|" + KafkaUsers.AGGREGATOR);

	private static final String USAGE_TEXT = """
			Usage: %1$s <command> --bootstrap-server <host:port,...> [--command-config <file>] [options]

			Creates or updates the Kafka users and ACLs of jointops, as the cluster's administrator.

			Commands:
			  producer --state <CODE> --password-file <file|->
			      creates the state's producer user (producer-<code>) or sets its password,
			      and grants the ACLs it lacks (its findings and owners topics, the
			      catalogue and register to read); a new state joins with it
			  aggregator --password-file <file|-> [--application-id <id>]
			      the same for the aggregator's user (every findings topic to read, its
			      own topics, its Kafka Streams application's; id %2$s by default)
			  list [--application-id <id>]
			      shows the jointops users (aggregator, producer-*) with their ACLs and
			      any ACL the commands above would grant that is missing
			  remove-producer --state <CODE>
			      deletes the state's producer user and every ACL naming it (its topics
			      are kept)

			Options:
			  --bootstrap-server <list>   the brokers to connect to (required)
			  --command-config <file>     Kafka client properties of the administrator
			                              (security.protocol, sasl.*, ssl.*), as for kafka-acls.sh
			  --password-file <file|->    the password, one line; - reads it from standard input
			  --help                      this text

			Running a command again changes no ACL; producer and aggregator write the
			password again (rotation: the same command with the new password).
			Exit codes: 0 done, 1 failed (the reason on standard error), 2 wrong usage.
			""";

	private static final Set<String> GLOBAL_OPTIONS = Set.of("--bootstrap-server", "--command-config");

	// below AccessControl's own wait, so that Kafka's timeout, which says what it waited
	// for, comes first
	private static final int DEFAULT_API_TIMEOUT_MS = 20_000;

	private static final int REQUEST_TIMEOUT_MS = 10_000;

	private KafkaAccessCommand() {
	}

	/**
	 * Runs the command and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		// Kafka's clients log through SLF4J, which has no provider here: the command
		// reports itself, in one line
		System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
		System.setProperty("slf4j.internal.verbosity", "WARN");
		System.exit(run(args, System.in, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the command line
	 * @param in where {@code --password-file -} reads the password
	 * @param out where the outcome is written
	 * @param err where a failure or wrong usage is written, in one line
	 * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		Invocation invocation;
		try {
			invocation = Invocation.parse(args);
		}
		catch (UsageException ex) {
			err.println(NAME + ": " + ex.getMessage());
			err.println("Run '" + NAME + " --help' for usage.");
			return USAGE;
		}
		if (invocation == null) {
			out.print(USAGE_TEXT.formatted(NAME, KafkaUsers.AGGREGATOR_APPLICATION_ID));
			return OK;
		}
		try {
			String password = invocation.options.containsKey("--password-file")
					? password(invocation.options.get("--password-file"), in) : null;
			Properties client = clientProperties(invocation);
			try (Admin admin = Admin.create(client)) {
				execute(invocation, password, admin, out);
			}
			return OK;
		}
		catch (FailureException ex) {
			err.println(NAME + ": " + ex.getMessage());
			return FAILED;
		}
		catch (KafkaException | IllegalStateException ex) {
			err.println(NAME + ": " + reason(ex, invocation.options.get("--bootstrap-server")));
			return FAILED;
		}
	}

	private static void execute(Invocation invocation, String password, Admin admin, PrintStream out) {
		String applicationId = invocation.options.getOrDefault("--application-id",
				KafkaUsers.AGGREGATOR_APPLICATION_ID);
		switch (invocation.command) {
			case PRODUCER -> out.println(describe(AccessControl.applyProducer(admin, invocation.state(), password)));
			case AGGREGATOR -> out.println(describe(AccessControl.applyAggregator(admin, password, applicationId)));
			case REMOVE_PRODUCER -> out.println(describe(AccessControl.removeProducer(admin, invocation.state())));
			case LIST -> list(admin, applicationId, out);
		}
	}

	private static String describe(AccessControl.Applied applied) {
		return "user " + applied.user() + ": " + (applied.userCreated() ? "created" : "password written again")
				+ "; ACLs: " + applied.aclsAdded() + " granted, " + applied.aclsInPlace() + " already in place";
	}

	private static String describe(AccessControl.Removed removed) {
		if (!removed.userDeleted() && removed.aclsDeleted() == 0) {
			return "user " + removed.user() + ": none, and no ACL names it; nothing to remove";
		}
		return "user " + removed.user() + ": " + (removed.userDeleted() ? "deleted" : "had no SCRAM credentials")
				+ "; ACLs: " + removed.aclsDeleted() + " deleted (its topics are kept)";
	}

	private static void list(Admin admin, String applicationId, PrintStream out) {
		Map<String, UserScramCredentialsDescription> users = AccessControl.scramUsers(admin);
		SortedMap<String, List<AclBinding>> acls = new TreeMap<>();
		for (String user : users.keySet()) {
			if (JOINTOPS_USER.matcher(user).matches()) {
				acls.put(user, new ArrayList<>());
			}
		}
		for (AclBinding binding : AccessControl.allAcls(admin)) {
			String principal = binding.entry().principal();
			if (principal.startsWith("User:") && JOINTOPS_USER.matcher(principal.substring(5)).matches()) {
				acls.computeIfAbsent(principal.substring(5), (user) -> new ArrayList<>()).add(binding);
			}
		}
		if (acls.isEmpty()) {
			out.println("No jointops user (aggregator, producer-*) and no ACL naming one.");
			return;
		}
		acls.forEach((user, bindings) -> {
			UserScramCredentialsDescription credentials = users.get(user);
			out.println(user + "  "
					+ ((credentials != null) ? credentials.credentialInfos()
						.stream()
						.map((info) -> info.mechanism().mechanismName() + " (" + info.iterations() + " iterations)")
						.collect(Collectors.joining(", ")) : "NO SCRAM CREDENTIALS: it cannot log in"));
			lines(bindings).forEach((line) -> out.println("  " + line));
			List<AclBinding> expected = expected(user, applicationId);
			Set<AclBinding> missing = new LinkedHashSet<>(expected);
			bindings.forEach(missing::remove);
			if (missing.isEmpty()) {
				out.println("  every ACL of " + what(user, applicationId) + " in place (" + expected.size() + ")");
			}
			else {
				out.println("  MISSING " + missing.size() + " of the " + expected.size() + " ACLs of "
						+ what(user, applicationId) + ":");
				lines(missing).forEach((line) -> out.println("    " + line));
			}
		});
	}

	private static List<AclBinding> expected(String user, String applicationId) {
		return KafkaUsers.AGGREGATOR.equals(user) ? AccessControl.aggregatorAcls(applicationId)
				: AccessControl.producerAcls(user.substring("producer-".length()));
	}

	private static String what(String user, String applicationId) {
		return KafkaUsers.AGGREGATOR.equals(user) ? "the aggregator (application id " + applicationId + ")"
				: "its state's producer";
	}

	/**
	 * ACLs as an operator reads them: one line per resource (and permission and host),
	 * with its operations, e.g. {@code TOPIC findings.kaz  ALLOW CREATE, READ, WRITE}.
	 * @param bindings some ACLs
	 * @return their lines, by resource
	 */
	private static List<String> lines(Collection<AclBinding> bindings) {
		SortedMap<String, SortedSet<String>> operations = new TreeMap<>();
		for (AclBinding binding : bindings) {
			String host = "*".equals(binding.entry().host()) ? "" : " from " + binding.entry().host();
			String pattern = (binding.pattern().patternType() == PatternType.LITERAL) ? ""
					: " (" + binding.pattern().patternType().name().toLowerCase(Locale.ROOT) + ")";
			String resource = String.format("%-16s %-36s %s%s", binding.pattern().resourceType(),
					binding.pattern().name() + pattern, binding.entry().permissionType(), host);
			operations.computeIfAbsent(resource, (key) -> new TreeSet<>()).add(binding.entry().operation().name());
		}
		List<String> lines = new ArrayList<>();
		operations.forEach((resource, names) -> lines.add(resource + " " + String.join(", ", names)));
		return lines;
	}

	private static Properties clientProperties(Invocation invocation) {
		Properties properties = new Properties();
		String file = invocation.options.get("--command-config");
		if (file != null) {
			try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new FailureException("cannot read the command config " + file + ": " + message(ex));
			}
		}
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, invocation.options.get("--bootstrap-server"));
		properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(DEFAULT_API_TIMEOUT_MS));
		properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(REQUEST_TIMEOUT_MS));
		properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, NAME);
		return properties;
	}

	private static String password(String file, InputStream in) {
		byte[] bytes;
		try {
			bytes = "-".equals(file) ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
		}
		catch (IOException ex) {
			throw new FailureException("cannot read the password file " + file + ": " + message(ex));
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
				: text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
		String source = "-".equals(file) ? "standard input" : "the password file " + file;
		if (password.isEmpty()) {
			throw new FailureException(source + " holds no password");
		}
		if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
			throw new FailureException(source + " holds more than one line: the password is its only line");
		}
		if (password.indexOf('"') >= 0 || password.indexOf('\\') >= 0) {
			// the services put it in sasl.jaas.config, which cannot carry them
			throw new FailureException("a Kafka password may not contain \" or \\ (" + source + ")");
		}
		return password;
	}

	private static String reason(Throwable failure, String bootstrapServers) {
		Throwable cause = failure;
		while (cause.getCause() != null && !(cause instanceof ApiException)) {
			cause = cause.getCause();
		}
		String what = (failure instanceof IllegalStateException && failure.getMessage() != null)
				? failure.getMessage().substring(0, 1).toLowerCase(Locale.ROOT) + failure.getMessage().substring(1)
						+ ": "
				: "";
		if (cause instanceof SecurityDisabledException) {
			return what + "the cluster has no authorizer (authorizer.class.name), so no ACL can be granted";
		}
		if (cause instanceof ClusterAuthorizationException) {
			return what + "the --command-config user is not allowed to; connect as the cluster's administrator";
		}
		if (cause instanceof AuthenticationException) {
			return what + "the cluster refused the --command-config credentials: " + message(cause);
		}
		if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
			return what + "no answer from " + bootstrapServers + " in time (is it the right address, and does "
					+ "--command-config name its security protocol?): " + message(cause);
		}
		return what + message(cause);
	}

	private static String message(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName()
				+ ((message != null) ? ": " + message.lines().collect(Collectors.joining(" ")) : "");
	}

	/**
	 * A command line, checked: a command and its options.
	 *
	 * @param command the command
	 * @param options every option given, with its value
	 */
	private record Invocation(Command command, Map<String, String> options) {

		/**
		 * Parses and checks a command line.
		 * @param args the command line
		 * @return the invocation, or {@code null} for {@code --help}
		 * @throws UsageException if it is not a valid command line
		 */
		static Invocation parse(String[] args) {
			String word = null;
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if ("--help".equals(arg) || "-h".equals(arg) || "help".equals(arg)) {
					return null;
				}
				if (!arg.startsWith("--")) {
					if (word != null) {
						throw new UsageException("unexpected argument '" + arg + "'");
					}
					word = arg;
					continue;
				}
				String name = arg;
				String value;
				int equals = arg.indexOf('=');
				if (equals > 0) {
					name = arg.substring(0, equals);
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new UsageException(name + " needs a value");
				}
				if (options.put(name, value) != null) {
					throw new UsageException(name + " is given twice");
				}
			}
			if (word == null) {
				throw new UsageException("no command (" + Command.names() + ")");
			}
			Command command = Command.named(word);
			for (String name : options.keySet()) {
				if (name.startsWith("--password") && !"--password-file".equals(name)) {
					throw new UsageException(
							name + " is not an option: a password is never given on the command line (it would "
									+ "show in the process list); use --password-file <file>, or - for standard input");
				}
				if (!command.options.contains(name) && !GLOBAL_OPTIONS.contains(name)) {
					throw new UsageException("'" + command + "' takes no option " + name);
				}
			}
			List<String> required = new ArrayList<>(List.of("--bootstrap-server"));
			required.addAll(command.required);
			for (String name : required) {
				String value = options.get(name);
				if (value == null || value.isBlank()) {
					throw new UsageException("'" + command + "' needs " + name);
				}
			}
			Invocation invocation = new Invocation(command, Map.copyOf(options));
			if (options.containsKey("--state")) {
				invocation.state();
			}
			return invocation;
		}

		/**
		 * The state the command names, checked as the findings topic's name is.
		 * @return its code, upper case
		 * @throws UsageException if it is not an ISO 3166-1 alpha-3 code
		 */
		String state() {
			String state = this.options.get("--state");
			try {
				KafkaUsers.producer(state);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException(ex.getMessage());
			}
			return state.toUpperCase(Locale.ROOT);
		}

	}

	/**
	 * The commands, each with the options it takes besides the connection's.
	 */
	private enum Command {

		PRODUCER("producer", List.of("--state", "--password-file"), List.of()),

		AGGREGATOR("aggregator", List.of("--password-file"), List.of("--application-id")),

		LIST("list", List.of(), List.of("--application-id")),

		REMOVE_PRODUCER("remove-producer", List.of("--state"), List.of());

		private final String word;

		private final List<String> required;

		private final Set<String> options;

		Command(String word, List<String> required, List<String> optional) {
			this.word = word;
			this.required = required;
			this.options = new LinkedHashSet<>(required);
			this.options.addAll(optional);
		}

		static Command named(String word) {
			for (Command command : values()) {
				if (command.word.equals(word)) {
					return command;
				}
			}
			throw new UsageException("unknown command '" + word + "' (" + names() + ")");
		}

		static String names() {
			String words = Stream.of(values()).map((command) -> command.word).collect(Collectors.joining(", "));
			int last = words.lastIndexOf(", ");
			return words.substring(0, last) + " or " + words.substring(last + 2);
		}

		@Override
		public String toString() {
			return this.word;
		}

	}

	/**
	 * A wrong command line.
	 */
	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	/**
	 * A failure the command explains itself, in one line.
	 */
	private static final class FailureException extends RuntimeException {

		FailureException(String message) {
			super(message);
		}

	}

}
