/**
 * Publication of an operation's figures: the secretariat publishes an immutable, numbered
 * snapshot (totals and register as they stood) on {@code council.publications} and
 * records it in the register; every instance follows both; observers read published
 * snapshots only, and a feed of server-sent events announces each publication.
 */
package org.jointops.aggregator.publication;
