package org.jointops.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jointops.bench.load.Latencies;
import org.jointops.bench.report.Results;
import org.jointops.bench.report.Status;
import org.jointops.bench.report.Target;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.process.JvmProcess;

/**
 * The local stack's footprint: its executable jar started as {@code ./local-stack} starts
 * it (same JVM options, a data directory of its own, free ports), timed until every
 * service's health reports UP, and its resident memory then, from {@code /proc}. Nothing
 * else of the benchmark runs meanwhile.
 */
final class FootprintRun {

	/** The system property that gives the local stack's executable jar. */
	static final String LOCAL_STACK_JAR = "jointops.jar.local-stack";

	/**
	 * The JVM options {@code ./local-stack} uses unless {@code JAVA_OPTS} says otherwise.
	 */
	static final List<String> LOCAL_STACK_JVM = List.of("-Xmx1g", "-XX:+UseSerialGC");

	static final String START = "footprint.local-stack.start";

	static final String RSS = "footprint.local-stack.rss";

	private static final int PRODUCERS = 6;

	private FootprintRun() {
	}

	static void plan(Results results) {
		results.plan(START, "Footprint", "./local-stack start-up, until every service reports UP", "s", null);
		results.plan(RSS, "Footprint", "./local-stack resident memory once up (one JVM: broker and 7 services)", "MiB",
				null);
		results.target(new Target("Local stack up in < 20 s", START, null, Target.Kind.AT_MOST, 20));
		results.target(new Target("Local stack < 1 GiB resident", RSS, null, Target.Kind.AT_MOST, 1024));
	}

	/**
	 * Marks the rows of a smoke run, which leaves the local stack out: its start-up (a
	 * broker and seven services in one JVM) is the longest step of a smoke run.
	 * @param results the results
	 */
	static void skip(Results results) {
		String reason = "not run in a smoke run (the local stack's start-up would be its longest step)";
		results.mark(START, Status.NOT_RUN, Double.NaN, reason);
		results.mark(RSS, Status.NOT_RUN, Double.NaN, reason);
	}

	/**
	 * Starts the local stack and measures it.
	 * @param directory the run's directory
	 * @param results where the figures go
	 * @param profile whether to record a Java Flight Recording of its start-up
	 * ({@code jfr/local-stack.jfr}) and its JVM's native memory once up
	 * ({@code jfr/local-stack-native-memory.txt})
	 */
	static void run(Path directory, Results results, boolean profile) {
		String jar = System.getProperty(LOCAL_STACK_JAR);
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			results.mark(START, Status.FAILED, Double.NaN, "no local stack jar (" + LOCAL_STACK_JAR + ")");
			results.mark(RSS, Status.FAILED, Double.NaN, "no local stack jar (" + LOCAL_STACK_JAR + ")");
			return;
		}
		Procs.deleteRecursively(directory.resolve("local-stack"));
		int kafka = FreePorts.consecutive(2);
		int aggregator = FreePorts.next();
		int producers = FreePorts.consecutive(PRODUCERS);
		List<String> urls = new ArrayList<>();
		urls.add("http://127.0.0.1:" + aggregator + "/actuator/health");
		for (int i = 0; i < PRODUCERS; i++) {
			urls.add("http://127.0.0.1:" + (producers + i) + "/actuator/health");
		}
		List<String> jvm = new ArrayList<>(LOCAL_STACK_JVM);
		Path recordings = directory.resolve("jfr");
		if (profile) {
			try {
				Files.createDirectories(recordings);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			jvm.add("-XX:NativeMemoryTracking=summary");
			jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
					+ recordings.resolve("local-stack.jfr"));
		}
		JvmProcess stack = JvmProcess.of("local-stack", jvm,
				List.of("-jar", jar, "--data-dir=" + directory.resolve("local-stack"), "--kafka-port=" + kafka,
						"--aggregator-port=" + aggregator, "--producer-ports-from=" + producers),
				directory.resolve("logs"));
		Say.line("Footprint: ./local-stack (%s)", String.join(" ", LOCAL_STACK_JVM));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long started = System.nanoTime();
		stack.start();
		try {
			long deadline = started + Duration.ofMinutes(5).toNanos();
			List<String> pending = new ArrayList<>(urls);
			while (!pending.isEmpty() && System.nanoTime() < deadline && stack.isAlive()) {
				pending.removeIf((url) -> isUp(http, url));
				if (!pending.isEmpty()) {
					Procs.pause(100);
				}
			}
			if (!pending.isEmpty()) {
				String reason = stack.isAlive() ? "not UP within 5 minutes: " + pending
						: "it exited; see " + stack.log();
				results.mark(START, Status.FAILED, Double.NaN, reason);
				results.mark(RSS, Status.FAILED, Double.NaN, reason);
				return;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double resident = Procs.residentMib(stack.pid());
			if (profile) {
				nativeMemory(stack.pid(), recordings.resolve("local-stack-native-memory.txt"));
			}
			results.measured(START, seconds, Latencies.NONE,
					"The jar started as ./local-stack starts it (" + String.join(" ", LOCAL_STACK_JVM)
							+ "), on an empty data directory, until the health of the aggregator and the six "
							+ "producers answered 200; the script's build check not included");
			results.measured(RSS, resident, Latencies.NONE, "VmRSS of its JVM when every service was UP");
			Say.line(String.format(Locale.ROOT, "  up in %.1f s, %.0f MiB resident", seconds, resident));
		}
		finally {
			stack.stop(Duration.ofSeconds(30));
		}
	}

	// the JVM's own account of its memory (heap, metaspace, threads, code, GC...); what
	// RSS holds beyond it is native memory the JVM does not track (RocksDB's, zstd's)
	private static void nativeMemory(long pid, Path file) {
		try {
			Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "VM.native_memory", "summary")
				.redirectErrorStream(true)
				.redirectOutput(file.toFile())
				.start();
			if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
				jcmd.destroyForcibly();
			}
		}
		catch (IOException ex) {
			Say.line("  no native memory summary: %s", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean isUp(HttpClient http, String url) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
