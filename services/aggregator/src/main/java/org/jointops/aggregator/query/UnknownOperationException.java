package org.jointops.aggregator.query;

/**
 * An operation neither in the catalogue nor in the totals.
 */
public class UnknownOperationException extends RuntimeException {

	public UnknownOperationException(String operation) {
		super("No operation '" + operation + "': it is not in the catalogue and no report names it");
	}

}
