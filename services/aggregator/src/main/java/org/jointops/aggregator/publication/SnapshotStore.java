package org.jointops.aggregator.publication;

import java.time.Duration;
import java.util.Optional;

import org.jointops.totals.PublishedFigures;

/**
 * The snapshots of {@code council.publications} this instance has read, by key.
 */
interface SnapshotStore {

	/**
	 * A snapshot by its key, waiting a little for it if it is not here yet (just
	 * published, perhaps by another instance).
	 * @param key the key its register entry names
	 * @param wait longest wait
	 * @return the snapshot, empty if it has not been read within the wait
	 */
	Optional<PublishedFigures> find(String key, Duration wait);

	/**
	 * Waits until a record written here has been read.
	 * @param offset its offset
	 * @param wait longest wait
	 * @return true if it has been read
	 */
	boolean awaitRead(long offset, Duration wait);

}
