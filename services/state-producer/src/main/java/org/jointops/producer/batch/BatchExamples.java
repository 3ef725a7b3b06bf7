package org.jointops.producer.batch;

/**
 * Examples of the API description: requests and answers of
 * {@code POST /api/v1/reports:batch} as the service gives them.
 */
final class BatchExamples {

	/** Two reports as JSON, one of them invalid. */
	static final String JSON = """
			[{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "agency": "INTERIOR", "operation": "ILLEGAL-2017",
			  "stage": 1, "periodStart": "2017-05-22", "periodEnd": "2017-06-02",
			  "findings": [{"category": "IMMIGRATION_LAW_VIOLATIONS", "quantity": 1520}]},
			 {"reportId": "KAZ-INTERIOR-2017-0002", "revision": 1, "agency": "INTERIOR", "operation": "ILLEGAL-2017",
			  "stage": 7, "periodStart": "2017-05-22", "periodEnd": "2017-06-02", "findings": []}]""";

	/** Two reports as CSV, the second a withdrawal. */
	static final String CSV = """
			reportId,revision,agency,operation,stage,periodStart,periodEnd,withdrawn,category,quantity,currency
			KAZ-INTERIOR-2017-0001,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,1520,
			KAZ-INTERIOR-2017-0001,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,FINES_IMPOSED,125000.50,USD
			KAZ-INTERIOR-2017-0007,3,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,true,,,
			""";

	/** The answer to the JSON example. */
	static final String ANSWER = """
			{"dryRun": false, "reports": 2, "accepted": 1, "valid": 0, "rejected": 1, "unavailable": 0,
			 "results": [
			   {"index": 0, "reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "outcome": "ACCEPTED", "status": 202,
			    "state": "KAZ", "topic": "findings.kaz", "partition": 0, "offset": 41,
			    "submittedAt": "2026-11-22T07:50:43.205Z"},
			   {"index": 1, "reportId": "KAZ-INTERIOR-2017-0002", "revision": 1, "outcome": "REJECTED", "status": 400,
			    "errors": [{"field": "stage", "reason": "operation ILLEGAL-2017 has no stage 7; its stages are 1, 2"}]}]}""";

	/** A CSV batch that cannot be read. */
	static final String UNREADABLE = """
			{"type": "urn:jointops:problem:invalid-request", "title": "Invalid batch", "status": 400,
			 "detail": "The batch was not read, no report of it was checked or sent: line 1 (header): column quantity appears twice",
			 "instance": "/api/v1/reports:batch",
			 "errors": [{"field": "line 1 (header)", "reason": "column quantity appears twice"}]}""";

	private BatchExamples() {
	}

}
