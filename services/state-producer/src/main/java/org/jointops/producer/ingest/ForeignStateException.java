package org.jointops.producer.ingest;

import org.jointops.catalogue.Untrusted;

/**
 * A report for another state than this service's; answered with 403.
 */
public class ForeignStateException extends RuntimeException {

	private final String ownState;

	private final String requestedState;

	ForeignStateException(String ownState, String requestedState) {
		super("This service takes reports of " + ownState + " only; reports of " + Untrusted.shortened(requestedState)
				+ " go to that state's producer service");
		this.ownState = ownState;
		this.requestedState = requestedState;
	}

	public String ownState() {
		return this.ownState;
	}

	public String requestedState() {
		return this.requestedState;
	}

}
