package org.jointops.aggregator.admin;

/**
 * A change names a programme, category or operation the catalogue does not have: 404.
 */
class UnknownEntryException extends RuntimeException {

	UnknownEntryException(String message) {
		super(message);
	}

}
