package org.jointops.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts the services that tests run as processes from their jars unpacked with Spring
 * Boot's {@code tools} jar mode and, once made, a dynamic class-data sharing archive
 * (JDK's AppCDS): the same application, the same configuration, the same code; only the
 * JVM loads its classes faster. A test suite starts some forty services on two cores, so
 * this is where its start-up time goes (a state producer's start measured here: 10.5 to
 * 12.5 s of CPU from the executable jar, 6 to 7 s unpacked with the archive).
 * <p>
 * The archive is made once per jar by a training run in the background (the service
 * started with {@code -Dspring.context.exit=onRefresh} and no Kafka to reach, so it loads
 * its classes and exits); services started before it is ready run unpacked without it.
 * Unpacked copies and archives live beside the jar, under a directory named after its
 * size and time, so a rebuilt jar gets new ones; a JVM that finds an archive it cannot
 * use says so in its log and runs without it.
 */
final class ClassDataSharing {

	private static final Map<Path, Unpacked> UNPACKED = new ConcurrentHashMap<>();

	private ClassDataSharing() {
	}

	/**
	 * How to run a service's jar: the JVM options that load its archive, if ready, and
	 * {@code -jar} with the unpacked copy.
	 * @param jar the service's executable jar
	 * @param jvmOptions the service's JVM options, used for the training run too
	 * @param trainingArguments what the service needs to start at all (e.g. its state)
	 * @return the arguments of the {@code java} command after the service's own JVM
	 * options and before its arguments
	 */
	static List<String> jarArguments(Path jar, List<String> jvmOptions, List<String> trainingArguments) {
		Unpacked unpacked = UNPACKED.computeIfAbsent(jar.toAbsolutePath(),
				(key) -> Unpacked.of(key, jvmOptions, trainingArguments));
		List<String> arguments = new ArrayList<>();
		if (Files.isRegularFile(unpacked.archive())) {
			arguments.add("-XX:SharedArchiveFile=" + unpacked.archive());
		}
		arguments.add("-jar");
		arguments.add(unpacked.jar().toString());
		return arguments;
	}

	private static void run(List<String> command, Path log) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		try {
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private record Unpacked(Path jar, Path archive) {

		static Unpacked of(Path executableJar, List<String> jvmOptions, List<String> trainingArguments) {
			try {
				String fileName = executableJar.getFileName().toString();
				Path directory = executableJar.resolveSibling("cds")
					.resolve(fileName.replace(".jar", "") + "-" + Files.size(executableJar) + "-"
							+ Files.getLastModifiedTime(executableJar).toMillis());
				Files.createDirectories(directory);
				Unpacked unpacked = new Unpacked(directory.resolve("app").resolve(fileName),
						directory.resolve("app.jsa"));
				// one test JVM at a time unpacks a jar and trains its archive
				try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
					if (!Files.isRegularFile(unpacked.jar())) {
						run(List.of(java(), "-Djarmode=tools", "-jar", executableJar.toString(), "extract",
								"--destination", directory.resolve("app").toString()),
								directory.resolve("extract.log"));
					}
				}
				if (!Files.isRegularFile(unpacked.jar())) {
					// not a jar Spring Boot's tools unpack: run it as it is
					return new Unpacked(executableJar, directory.resolve("none.jsa"));
				}
				if (!Files.isRegularFile(unpacked.archive())) {
					Thread training = new Thread(() -> unpacked.train(jvmOptions, trainingArguments),
							"cds-training-" + fileName);
					training.setDaemon(true);
					training.start();
				}
				return unpacked;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot unpack " + executableJar, ex);
			}
		}

		/**
		 * Starts the service once to its refreshed context and back, with no Kafka to
		 * reach and nothing it would keep; the JVM writes the classes it loaded at exit,
		 * whether the start succeeded or not (the aggregator stops at its topics).
		 * @param jvmOptions the service's JVM options
		 * @param trainingArguments what the service needs to start at all
		 */
		void train(List<String> jvmOptions, List<String> trainingArguments) {
			Path directory = this.archive.getParent();
			try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				if (Files.isRegularFile(this.archive)) {
					return;
				}
				Path training = directory.resolve("training");
				Path partial = directory.resolve("app.jsa." + ProcessHandle.current().pid());
				List<String> command = new ArrayList<>(List.of(java()));
				command.addAll(jvmOptions);
				command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Dspring.context.exit=onRefresh",
						"-Djava.io.tmpdir=" + Files.createDirectories(training.resolve("tmp")), "-jar",
						this.jar.toString(), "--server.port=0", "--spring.kafka.bootstrap-servers=127.0.0.1:9",
						"--spring.kafka.streams.state-dir=" + training.resolve("state"),
						"--server.tomcat.basedir=" + training.resolve("tomcat")));
				command.addAll(trainingArguments);
				run(command, directory.resolve("training.log"));
				if (Files.isRegularFile(partial)) {
					try {
						Files.move(partial, this.archive, StandardCopyOption.ATOMIC_MOVE);
					}
					catch (AtomicMoveNotSupportedException ex) {
						Files.move(partial, this.archive);
					}
				}
			}
			catch (IOException ex) {
				// no archive: the services start unpacked without one
			}
		}

	}

}
