/**
 * The live feed: an operation's council totals as server-sent events, read
 * {@code read_committed} from the council totals topic and handed to each client through
 * a bounded queue of its own.
 */
package org.jointops.aggregator.feed;
