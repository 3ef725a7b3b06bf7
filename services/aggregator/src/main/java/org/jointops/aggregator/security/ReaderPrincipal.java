package org.jointops.aggregator.security;

/**
 * Who reads from the aggregator, authenticated by its token.
 *
 * @param name the reader's name in the configuration
 * ({@code jointops.reader-tokens.<name>})
 * @param role what it may see
 * @param state for {@link ReaderRole#STATE}, its member state; otherwise null
 */
public record ReaderPrincipal(String name, ReaderRole role, String state) {

	@Override
	public String toString() {
		return this.name + " (" + this.role + ((this.state != null) ? " " + this.state : "") + ")";
	}

}
