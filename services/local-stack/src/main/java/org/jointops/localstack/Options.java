package org.jointops.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@code ./local-stack}.
 *
 * @param demo load the demonstration operation and print its totals
 * @param help print the usage and exit
 * @param settings ports and directories
 */
record Options(boolean demo, boolean help, LocalStack.Settings settings) {

	static final String USAGE = """
			Usage: ./local-stack [--demo] [--tls] [--brokers=N] [--aggregators=N] [--data-dir=DIR] [--kafka-port=N]
			                     [--aggregator-port=N] [--producer-ports-from=N] [--catalogue=FILE]...
			  --demo                  post a synthetic operation through the producers and print its totals
			  --tls                   Kafka over SASL_SSL (clients, brokers, controllers) and HTTPS on every
			                          service, with certificates from a CA of the stack's own in DIR/tls
			                          (made on first use, as ./jointops-certs does); plaintext on loopback
			                          otherwise
			  --brokers=N             Kafka nodes: 1 (default, in the stack's JVM), or 3 or more, each a process
			                          of its own in one KRaft cluster; every topic gets min(3,N) replicas and
			                          needs 2 in sync, so 2 brokers are refused
			  --aggregators=N         aggregator instances (default 1); with more than one broker or instance,
			                          each instance is a process of its own, with a standby replica of every
			                          store once there are two
			  --data-dir=DIR          where Kafka and the aggregator keep their data (default ./data)
			  --kafka-port=N          Kafka client port (default 9092; the controller uses N+1; broker n of a
			                          cluster listens on N+2(n-1), its controller on the port after)
			  --aggregator-port=N     the aggregator's HTTP port (default 8080; instance n>1 listens on N+8+n:
			                          8090, 8091, ...)
			  --producer-ports-from=N first producer's HTTP port, in alphabetical order of state (default 8081)
			  --catalogue=FILE        an extra catalogue file for every service (repeatable)
			With several brokers or instances the stack lists its processes (role, pid, address, log) and
			reads commands on its standard input: status, kill broker N, start broker N, kill aggregator N,
			start aggregator N, help. Any of them may also be killed from outside (kill -9 PID); Ctrl-C
			stops them all.""";

	private static final Set<String> FLAGS = Set.of("--demo", "--tls", "--help", "-h");

	private static final Set<String> WITH_VALUE = Set.of("--data-dir", "--kafka-port", "--aggregator-port",
			"--producer-ports-from", "--catalogue", "--brokers", "--aggregators");

	static Options parse(String[] args) {
		LocalStack.Settings defaults = LocalStack.Settings.defaults();
		boolean demo = false;
		boolean help = false;
		boolean tls = false;
		Path data = defaults.dataDirectory();
		int kafka = defaults.kafkaPort();
		int aggregator = defaults.aggregatorPort();
		int producers = defaults.firstProducerPort();
		List<Path> catalogues = new ArrayList<>();
		int brokers = defaults.brokers();
		int aggregators = defaults.aggregators();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			boolean flag = FLAGS.contains(name);
			if (!flag && !WITH_VALUE.contains(name)) {
				throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
			String value = null;
			if (!flag) {
				// --option=value or --option value
				if (arg.contains("=")) {
					value = arg.substring(arg.indexOf('=') + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new IllegalArgumentException("Option " + name + " needs a value\n" + USAGE);
				}
			}
			switch (name) {
				case "--demo" -> demo = true;
				case "--tls" -> tls = true;
				case "--help", "-h" -> help = true;
				case "--data-dir" -> data = Path.of(value);
				case "--kafka-port" -> kafka = port(name, value);
				case "--aggregator-port" -> aggregator = port(name, value);
				case "--producer-ports-from" -> producers = port(name, value);
				case "--catalogue" -> catalogues.add(Path.of(value));
				case "--brokers" -> brokers = count(name, value);
				case "--aggregators" -> aggregators = count(name, value);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		try {
			LocalStack.Settings.checkShape(brokers, aggregators);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + "\n" + USAGE, ex);
		}
		return new Options(demo, help, new LocalStack.Settings(data, kafka, kafka + 1, aggregator, producers,
				catalogues, Map.of(), brokers, aggregators, tls));
	}

	private static int count(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number, not '" + value + "'\n" + USAGE);
		}
	}

	private static int port(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a port number, not '" + value + "'\n" + USAGE);
		}
	}

}
