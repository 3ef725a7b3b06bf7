package org.jointops.aggregator.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The readers of the aggregator and their tokens, known only by their SHA-256 hashes:
 *
 * <pre>
 * jointops.reader-tokens.&lt;name&gt;.role=SECRETARIAT|STATE|OBSERVER
 * jointops.reader-tokens.&lt;name&gt;.state=KAZ            (STATE only)
 * jointops.reader-tokens.&lt;name&gt;.hashes=sha256:&lt;hex&gt;[,sha256:&lt;hex&gt;]
 * </pre>
 *
 * Several hashes per reader while a token is rotated.
 *
 * @param readerTokens readers by name
 */
@ConfigurationProperties("jointops")
record ReaderTokensProperties(Map<String, Reader> readerTokens) {

	public ReaderTokensProperties {
		readerTokens = (readerTokens != null) ? Map.copyOf(readerTokens) : Map.of();
	}

	/**
	 * One reader.
	 *
	 * @param role what it may see
	 * @param state its member state, for {@link ReaderRole#STATE} (and only then)
	 * @param hashes the SHA-256 hashes of its tokens ({@code sha256:<hex>})
	 */
	public record Reader(ReaderRole role, String state, List<String> hashes) {

		public Reader {
			hashes = (hashes != null) ? List.copyOf(hashes) : List.of();
		}

	}

}
