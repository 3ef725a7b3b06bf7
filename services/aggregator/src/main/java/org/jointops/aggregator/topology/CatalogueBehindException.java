package org.jointops.aggregator.topology;

/**
 * A record breaks the rules of the catalogue this instance has read, and it could not
 * read the versions written since in time: the record is not judged. Thrown out of the
 * topology, it ends the stream thread's transaction; the thread is replaced and the
 * record read again from the last commit, so it is never dead-lettered against a
 * catalogue older than the producer's.
 */
class CatalogueBehindException extends RuntimeException {

	CatalogueBehindException(String message) {
		super(message);
	}

}
