package org.jointops.aggregator.publication;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An operation's publications.
 *
 * @param operation operation code
 * @param name its name in the catalogue, or null
 * @param publications by number, the first first
 */
@Schema(name = "Publications", description = "An operation's publications, by number")
record PublicationsView(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(nullable = true, example = "Illegal 2017") String name, List<PublicationView> publications) {

}
