package org.jointops.producer.security;

/**
 * Who posts to a producer: one agency of the producer's state, authenticated by its
 * token.
 *
 * @param state the producer's state
 * @param agency the agency's catalogue code
 */
public record AgencyPrincipal(String state, String agency) {

	@Override
	public String toString() {
		return this.state + "/" + this.agency;
	}

}
