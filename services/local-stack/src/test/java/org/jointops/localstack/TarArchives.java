package org.jointops.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a gzipped tar archive of regular files and directories (ustar, as
 * {@code tar --format=ustar} writes it), e.g. a data directory kept as a test fixture;
 * the JDK reads gzip but not tar.
 */
final class TarArchives {

	private static final int BLOCK = 512;

	private TarArchives() {
	}

	/**
	 * Unpacks an archive from the test classpath.
	 * @param resource its path on the classpath
	 * @param directory where to unpack it
	 */
	static void unpack(String resource, Path directory) {
		try (InputStream in = TarArchives.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No resource " + resource);
			}
			unpack(new GZIPInputStream(in), directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void unpack(InputStream tar, Path directory) throws IOException {
		Path root = directory.toAbsolutePath().normalize();
		while (true) {
			byte[] header = tar.readNBytes(BLOCK);
			if (header.length < BLOCK || header[0] == 0) {
				return;
			}
			String name = field(header, 345, 155).isEmpty() ? field(header, 0, 100)
					: field(header, 345, 155) + "/" + field(header, 0, 100);
			long size = Long.parseLong(field(header, 124, 12).trim(), 8);
			char type = (char) header[156];
			Path target = root.resolve(name).normalize();
			if (!target.startsWith(root)) {
				throw new IOException("Entry outside the directory: " + name);
			}
			if (type == '5') {
				Files.createDirectories(target);
			}
			else if (type == '0' || type == 0) {
				Files.createDirectories(target.getParent());
				Files.write(target, tar.readNBytes((int) size));
				tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
			}
			else {
				throw new IOException("Unsupported entry type '" + type + "' of " + name);
			}
		}
	}

	private static String field(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.UTF_8);
	}

}
