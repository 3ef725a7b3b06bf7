package org.jointops.aggregator.feed;

import org.jointops.totals.CouncilTotals;

/**
 * Where a version of an operation's totals stands in the live feed: ordered by epoch (the
 * build of the aggregator state that wrote it), then by version within the epoch. A reset
 * (a new application id) rebuilds the totals with a later epoch and versions from 1
 * again, which the feed and its clients take as newer. The event id of the feed is
 * {@code <epoch>-<version>}; a bare number (an id from before epochs) is version of epoch
 * 0.
 *
 * @param epoch the epoch (0 for totals written before epochs existed)
 * @param version the version within the epoch
 */
record FeedPosition(long epoch, long version) implements Comparable<FeedPosition> {

	/** Before every version: a client that has nothing. */
	static final FeedPosition NONE = new FeedPosition(-1, -1);

	static FeedPosition of(CouncilTotals totals) {
		return new FeedPosition(totals.getEpoch(), totals.getVersion());
	}

	/**
	 * Reads an event id sent back by a client ({@code Last-Event-ID}).
	 * @param eventId the id, {@code <epoch>-<version>} or a bare version
	 * @return its position, {@link #NONE} if it is missing or not an id of this feed
	 */
	static FeedPosition parse(String eventId) {
		if (eventId == null || eventId.isBlank()) {
			return NONE;
		}
		String id = eventId.trim();
		int dash = id.indexOf('-');
		try {
			if (dash < 0) {
				return new FeedPosition(0, Long.parseLong(id));
			}
			long epoch = Long.parseLong(id.substring(0, dash));
			long version = Long.parseLong(id.substring(dash + 1));
			return (epoch >= 0 && version >= 0) ? new FeedPosition(epoch, version) : NONE;
		}
		catch (NumberFormatException ex) {
			return NONE;
		}
	}

	/**
	 * The event id of this position.
	 * @return {@code <epoch>-<version>}
	 */
	String eventId() {
		return this.epoch + "-" + this.version;
	}

	boolean isAfter(FeedPosition other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(FeedPosition other) {
		int byEpoch = Long.compare(this.epoch, other.epoch);
		return (byEpoch != 0) ? byEpoch : Long.compare(this.version, other.version);
	}

}
