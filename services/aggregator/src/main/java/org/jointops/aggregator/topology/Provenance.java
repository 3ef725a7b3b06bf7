package org.jointops.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a findings record was read from. Decode-and-check puts it in one header of each
 * valid record it sends on through {@link CouncilTotalsTopology#REPORTS_BY_ID}, so that
 * latest-revision, which reads the record from that internal topic, can name the source
 * of a revision it refuses. Encoded {@code topic:partition:offset} (a topic name has no
 * colon).
 *
 * @param topic the findings topic
 * @param partition its partition
 * @param offset the record's offset
 */
record Provenance(String topic, int partition, long offset) {

	/** The header that carries it through the internal topic. */
	static final String HEADER = "jointops.source";

	static Provenance of(RecordMetadata metadata) {
		return new Provenance(metadata.topic(), metadata.partition(), metadata.offset());
	}

	/**
	 * Puts it in a record's headers, in place of any header of the same name.
	 * @param headers the headers
	 * @return the same headers
	 */
	Headers addTo(Headers headers) {
		headers.remove(HEADER);
		headers.add(HEADER, (this.topic + ':' + this.partition + ':' + this.offset).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	/**
	 * Takes it out of a record's headers.
	 * @param headers the headers, without it afterwards
	 * @return where the record was read from, empty if the headers do not say (a record
	 * written to the internal topic by a release before this one) or cannot be read
	 */
	static Optional<Provenance> takeFrom(Headers headers) {
		Header header = headers.lastHeader(HEADER);
		headers.remove(HEADER);
		if (header == null || header.value() == null) {
			return Optional.empty();
		}
		String text = new String(header.value(), StandardCharsets.UTF_8);
		int last = text.lastIndexOf(':');
		int middle = (last > 0) ? text.lastIndexOf(':', last - 1) : -1;
		if (middle <= 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Provenance(text.substring(0, middle),
					Integer.parseInt(text.substring(middle + 1, last)), Long.parseLong(text.substring(last + 1))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
