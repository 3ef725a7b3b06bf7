package org.jointops.producer.batch;

import java.util.ArrayList;
import java.util.List;

import org.jointops.catalogue.Violation;
import org.jointops.producer.ingest.JsonViolations;
import org.jointops.producer.ingest.ReportRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * A JSON batch: an array of reports, each as {@code POST /api/v1/reports} takes it. The
 * array is first split into its elements (it must be well-formed JSON), then each element
 * is read on its own, as strictly as a single report, so that one bad report is refused
 * alone and never blocks the others.
 */
final class JsonBatch {

	/** Splits without checking the elements; they are read strictly one by one after. */
	private static final JsonFactory SPLITTER = JsonFactory.builder().build();

	private JsonBatch() {
	}

	/**
	 * Reads a JSON batch into its reports.
	 * @param mapper the mapper single reports are read with (strict)
	 * @param body the body
	 * @param maxReports most elements allowed
	 * @return one item per element, in order
	 * @throws BatchRefusedException if the body is not a well-formed JSON array of at
	 * most {@code maxReports} elements
	 */
	static List<BatchItem> read(JsonMapper mapper, byte[] body, int maxReports) {
		List<BatchItem> items = new ArrayList<>();
		try (JsonParser parser = SPLITTER.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new BatchRefusedException(HttpStatus.BAD_REQUEST, JsonViolations.WHOLE_BODY,
						"a batch is a JSON array of reports, e.g. [{\"reportId\": ...}, ...]");
			}
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				int index = items.size();
				if (index == maxReports) {
					throw new BatchRefusedException(HttpStatus.CONTENT_TOO_LARGE, JsonViolations.WHOLE_BODY,
							"a batch has at most " + maxReports + " reports; split it");
				}
				if (token != JsonToken.START_OBJECT) {
					parser.skipChildren();
					items.add(BatchItem.unreadable(index,
							List.of(new Violation(JsonViolations.WHOLE_BODY, "expected a report as a JSON object"))));
					continue;
				}
				int start = (int) parser.currentTokenLocation().getByteOffset();
				parser.skipChildren();
				int end = (int) parser.currentLocation().getByteOffset();
				items.add(element(mapper, body, start, end, index));
			}
			if (parser.nextToken() != null) {
				throw new BatchRefusedException(HttpStatus.BAD_REQUEST, JsonViolations.WHOLE_BODY,
						"nothing may follow the array");
			}
		}
		catch (JacksonException ex) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, List.of(JsonViolations.of(ex)));
		}
		if (items.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, JsonViolations.WHOLE_BODY,
					"the batch is empty; send at least one report");
		}
		return items;
	}

	private static BatchItem element(JsonMapper mapper, byte[] body, int start, int end, int index) {
		try {
			ReportRequest request = mapper.readValue(body, start, end - start, ReportRequest.class);
			return BatchItem.read(index, request);
		}
		catch (JacksonException ex) {
			return BatchItem.unreadable(index, List.of(JsonViolations.of(ex)));
		}
	}

}
