package org.jointops.support.security;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A service's API tokens kept in a file beside its configuration
 * ({@code jointops.tokens-file}): a Java properties file whose keys are the
 * configuration's own ({@code jointops.agency-tokens.INTERIOR=sha256:…},
 * {@code jointops.reader-tokens.<name>.hashes=…}, {@code jointops.monitoring-tokens=…}),
 * merged with the inline configuration, and <b>re-read when it changes</b>: on the first
 * request after {@code jointops.tokens-file-check-interval}, its bytes are read again
 * and, if they differ, the tokens are made anew. A file that cannot be read, does not
 * parse or that the service refuses (an unknown agency, a state not in the catalogue, a
 * value other than {@code sha256:<64 hex digits>}, a key the service does not know) keeps
 * the last good set and is logged once as an ERROR; at start-up it fails the start.
 *
 * @param <T> the tokens a file and the inline configuration make together
 */
public final class TokensFile<T> {

	private static final Logger logger = LoggerFactory.getLogger(TokensFile.class);

	private final Path path;

	private final long checkIntervalNanos;

	private final Function<Map<String, String>, T> build;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile T current;

	private volatile long nextCheck;

	private byte[] lastDigest;

	/**
	 * Reads the tokens once.
	 * @param properties where the file is (none: the inline configuration only) and how
	 * often it is looked at
	 * @param build the tokens of the file's properties (key to value, empty without a
	 * file) together with the inline configuration; throws {@link IllegalStateException}
	 * with the key and what is wrong if they are refused
	 * @throws IllegalStateException if the file cannot be read or its tokens are refused
	 */
	public TokensFile(TokensFileProperties properties, Function<Map<String, String>, T> build) {
		this.path = properties.tokensFile();
		Duration interval = (properties.tokensFileCheckInterval() != null) ? properties.tokensFileCheckInterval()
				: Duration.ofSeconds(5);
		this.checkIntervalNanos = interval.toNanos();
		this.build = build;
		if (this.path == null) {
			this.current = build.apply(Map.of());
			return;
		}
		try {
			byte[] content = Files.readAllBytes(this.path);
			this.current = build.apply(parse(content));
			this.lastDigest = digest(content);
			this.nextCheck = System.nanoTime() + this.checkIntervalNanos;
			logger.info("API tokens read from {}", this.path);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("jointops.tokens-file " + this.path + ": " + describe(ex), ex);
		}
	}

	/**
	 * The tokens in force: those of the file as it last was when it was good, with the
	 * inline configuration's. Looks at the file first if the interval has passed since it
	 * was last looked at (one request does, the others meanwhile use the tokens in
	 * force).
	 * @return the tokens in force
	 */
	public T current() {
		if (this.path != null && System.nanoTime() - this.nextCheck >= 0 && this.reading.tryLock()) {
			try {
				reread();
			}
			finally {
				this.nextCheck = System.nanoTime() + this.checkIntervalNanos;
				this.reading.unlock();
			}
		}
		return this.current;
	}

	private void reread() {
		byte[] content;
		try {
			content = Files.readAllBytes(this.path);
		}
		catch (IOException ex) {
			if (this.lastDigest != null) {
				logger.error("jointops.tokens-file {} cannot be read ({}); the last good tokens stay in force",
						this.path, describe(ex));
				this.lastDigest = null;
			}
			return;
		}
		byte[] digest = digest(content);
		if (Arrays.equals(digest, this.lastDigest)) {
			return;
		}
		this.lastDigest = digest;
		try {
			if (new String(content, StandardCharsets.UTF_8).isBlank()) {
				// most likely caught while an editor rewrites it in place
				throw new IllegalStateException("the file is empty; write it whole and move it into place");
			}
			this.current = this.build.apply(parse(content));
			logger.info("API tokens read again from {}", this.path);
		}
		catch (RuntimeException ex) {
			logger.error("jointops.tokens-file {} is refused ({}); the last good tokens stay in force", this.path,
					describe(ex));
		}
	}

	/**
	 * A binder of a file's properties, to bind them as the configuration is bound.
	 * @param properties a file's properties
	 * @return a binder of them alone
	 */
	public static Binder binder(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties));
	}

	/**
	 * Refuses a file's key that is none of a service's tokens (a misspelt key would
	 * otherwise be ignored without a word).
	 * @param properties a file's properties
	 * @param prefixes the keys, or their beginnings followed by a dot, the service knows
	 * @throws IllegalStateException naming the first key it does not know
	 */
	public static void requireOnly(Map<String, String> properties, String... prefixes) {
		for (String key : properties.keySet()) {
			boolean known = Arrays.stream(prefixes)
				.anyMatch((prefix) -> key.equals(prefix) || key.startsWith(prefix + "."));
			if (!known) {
				throw new IllegalStateException(
						key + ": not a key of this service's tokens (expected " + String.join(", ", prefixes) + ")");
			}
		}
	}

	private static Map<String, String> parse(byte[] content) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalStateException("not a properties file: " + ex.getMessage(), ex);
		}
		Map<String, String> map = new TreeMap<>();
		properties.forEach((key, value) -> map.put(key.toString().trim(), value.toString().trim()));
		return map;
	}

	private static byte[] digest(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
