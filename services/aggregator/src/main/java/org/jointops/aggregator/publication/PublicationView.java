package org.jointops.aggregator.publication;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.register.FigureStatus;
import org.jointops.register.PublicationEntry;

/**
 * A publication as the register lists it.
 *
 * @param operation operation code
 * @param number from 1 per operation
 * @param publishedAt when
 * @param publishedBy the secretariat reader who published
 * @param status FINAL if every member state's figures for every stage were accepted
 * @param totalsVersion the version of the totals published
 */
@Schema(name = "Publication", description = "A publication of an operation's figures: an immutable, numbered snapshot")
record PublicationView(@Schema(example = "ILLEGAL-2017") String operation, @Schema(example = "2") int number,
		Instant publishedAt, @Schema(example = "secretariat") String publishedBy,
		@Schema(description = "FINAL if every member state's figures for every stage were accepted then, else "
				+ "PRELIMINARY") FigureStatus status,
		@Schema(description = "The version of the council totals published", example = "14") long totalsVersion) {

	static PublicationView of(String operation, PublicationEntry entry) {
		return new PublicationView(operation, entry.number(), entry.publishedAt(), entry.publishedBy(), entry.status(),
				entry.totalsVersion());
	}

}
