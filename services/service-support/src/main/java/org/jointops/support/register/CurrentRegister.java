package org.jointops.support.register;

import java.time.Duration;
import java.util.Collection;

import org.jointops.register.RegisterDocument;

/**
 * The register of each operation as it is now: services ask for it on each request, never
 * keep it, since it changes while they run ({@link LiveRegister}).
 */
public interface CurrentRegister {

	/**
	 * The register of an operation that applies now.
	 * @param operation the operation
	 * @return its latest version, or an empty register at version 0
	 */
	RegisterDocument of(String operation);

	/**
	 * Every operation's register that has a version.
	 * @return the registers
	 */
	Collection<RegisterDocument> all();

	/**
	 * Waits until every version written before this call has been read (and applied if
	 * valid).
	 * @param timeout longest wait
	 * @return true if caught up, false if the time ran out
	 */
	boolean awaitCaughtUp(Duration timeout);

	/**
	 * Waits until a record of the topic has been read (and applied if valid).
	 * @param offset the record's offset
	 * @param timeout longest wait
	 * @return true if it has been read
	 */
	boolean awaitRead(long offset, Duration timeout);

	/**
	 * Whether the record at an offset became a version here (rather than being skipped,
	 * e.g. because another record of the same version came first).
	 * @param offset a record's offset, already read
	 * @return true if it was applied
	 */
	boolean applied(long offset);

}
