package org.jointops.register;

import java.time.Instant;

/**
 * A publication of an operation's figures, as the register lists it; the figures
 * themselves are an immutable snapshot on the topic {@code council.publications} under
 * {@code snapshotKey}.
 *
 * @param number from 1, one more with each publication of the operation
 * @param publishedAt when
 * @param publishedBy who (the secretariat reader's name)
 * @param status FINAL if every state's figures for every stage were accepted
 * @param snapshotKey the key of the snapshot's record
 * @param totalsVersion the version of the totals published
 */
public record PublicationEntry(int number, Instant publishedAt, String publishedBy, FigureStatus status,
		String snapshotKey, long totalsVersion) {

}
