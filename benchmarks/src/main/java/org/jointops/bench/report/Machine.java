package org.jointops.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine and software a run measured on, and how it was started.
 *
 * @param cores processors the JVM sees
 * @param memoryMib physical memory
 * @param cpu processor model
 * @param jdk the JDK the services ran on
 * @param os operating system and kernel
 * @param loadAtStart load average (1, 5, 15 minutes) when the run started
 * @param started when the run started (UTC)
 * @param commit the Git commit measured, if known
 * @param command the exact command
 */
public record Machine(int cores, long memoryMib, String cpu, String jdk, String os, String loadAtStart, Instant started,
		String commit, String command) {

	/**
	 * Describes this machine now.
	 * @param command the command the run was started with
	 * @return the description
	 */
	public static Machine describe(String command) {
		return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMib(), readCpu(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vm.vendor") + ")",
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				read("/proc/loadavg").map((line) -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
					.orElse("unknown"),
				Instant.now().truncatedTo(ChronoUnit.SECONDS), readCommit(), command);
	}

	private static long readMemoryMib() {
		for (String line : lines("/proc/meminfo")) {
			if (line.startsWith("MemTotal:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return -1;
	}

	private static String readCpu() {
		for (String line : lines("/proc/cpuinfo")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return System.getProperty("os.arch");
	}

	private static String readCommit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true)
				.start();
			String output = new String(git.getInputStream().readAllBytes()).trim();
			if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) {
				Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
				boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
				status.waitFor(10, TimeUnit.SECONDS);
				return output + (dirty ? " (with uncommitted changes)" : "");
			}
		}
		catch (IOException ex) {
			// no git here
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "unknown";
	}

	private static Optional<String> read(String file) {
		List<String> lines = lines(file);
		return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

}
