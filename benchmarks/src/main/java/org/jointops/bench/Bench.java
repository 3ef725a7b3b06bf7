package org.jointops.bench;

import org.jointops.bench.run.BenchOptions;
import org.jointops.bench.run.BenchRun;

/**
 * {@code ./bench}: measures the system next to Kafka's own tools on one standalone
 * broker, the services as separate processes, and writes a Markdown table, raw CSV and a
 * chart (see {@code docs/benchmarks/README.md}).
 */
public final class Bench {

	/** The system property through which {@code ./bench} passes the command as typed. */
	static final String COMMAND = "bench.command";

	private Bench() {
	}

	/**
	 * Runs the benchmark.
	 * @param args options; {@code --help} lists them
	 */
	public static void main(String[] args) {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args, System.getProperty(COMMAND, "./bench " + String.join(" ", args)));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(ex.getMessage().equals(BenchOptions.USAGE) ? 0 : 2);
			return;
		}
		BenchRun.run(options);
		// the Kafka clients' and HTTP clients' threads must not keep the JVM alive
		System.exit(0);
	}

}
