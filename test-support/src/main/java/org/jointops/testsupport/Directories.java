package org.jointops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Directories of test and benchmark runs: logs, state directories, data of processes.
 */
public final class Directories {

	private Directories() {
	}

	/**
	 * Deletes a directory and everything in it, if it exists.
	 * @param directory the directory
	 * @throws UncheckedIOException if something in it cannot be deleted
	 */
	public static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + directory, ex);
		}
	}

}
