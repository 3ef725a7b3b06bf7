package org.jointops.aggregator.api;

/**
 * An operation neither in the catalogue nor in the totals.
 */
class UnknownOperationException extends RuntimeException {

	UnknownOperationException(String operation) {
		super("No operation '" + operation + "': it is not in the catalogue and no report names it");
	}

}
