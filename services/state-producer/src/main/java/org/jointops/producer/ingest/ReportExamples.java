package org.jointops.producer.ingest;

/**
 * Examples of the API description: requests and answers of {@code POST /api/v1/reports}
 * as the service gives them (also used by the batch endpoint's description).
 */
public final class ReportExamples {

	/** A first submission. */
	public static final String FIRST = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "agency": "INTERIOR",
			 "operation": "ILLEGAL-2017", "stage": 1, "periodStart": "2017-05-22", "periodEnd": "2017-06-02",
			 "withdrawn": false,
			 "findings": [
			   {"category": "IMMIGRATION_LAW_VIOLATIONS", "quantity": 1520},
			   {"category": "FINES_IMPOSED", "quantity": 125000.50, "currency": "USD"}]}""";

	/** A correction: the whole report again, with the next revision. */
	public static final String CORRECTION = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 2, "agency": "INTERIOR",
			 "operation": "ILLEGAL-2017", "stage": 1, "periodStart": "2017-05-22", "periodEnd": "2017-06-02",
			 "findings": [
			   {"category": "IMMIGRATION_LAW_VIOLATIONS", "quantity": 1525},
			   {"category": "FINES_IMPOSED", "quantity": 125000.50, "currency": "USD"}]}""";

	/** A withdrawal: the next revision, withdrawn. */
	public static final String WITHDRAWAL = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 3, "agency": "INTERIOR",
			 "operation": "ILLEGAL-2017", "stage": 1, "periodStart": "2017-05-22", "periodEnd": "2017-06-02",
			 "withdrawn": true, "findings": []}""";

	/** The answer to an accepted revision. */
	public static final String ACCEPTED = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "state": "KAZ", "topic": "findings.kaz",
			 "partition": 0, "offset": 41, "submittedAt": "2026-11-22T07:50:43.205Z"}""";

	/** The answer to a dry run. */
	public static final String CHECKED = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "state": "KAZ", "topic": "findings.kaz",
			 "submittedAt": "2026-11-22T07:50:43.205Z", "dryRun": true}""";

	/** A report that breaks three rules. */
	public static final String INVALID = """
			{"type": "urn:jointops:problem:invalid-report", "title": "Invalid report", "status": 400,
			 "detail": "3 problems: periodStart: 2017-05-20 is outside stage 1 of ILLEGAL-2017 (2017-05-22 to 2017-06-02); ...",
			 "instance": "/api/v1/reports",
			 "errors": [
			   {"field": "periodStart", "reason": "2017-05-20 is outside stage 1 of ILLEGAL-2017 (2017-05-22 to 2017-06-02)"},
			   {"field": "findings[2].currency", "reason": "a money amount needs a currency (ISO 4217 code, e.g. USD)"},
			   {"field": "findings[1].quantity", "reason": "CASES_DRUG_TRAFFICKING (12) is part of CASES_OTHER_CRIMES and cannot exceed it (10)"}]}""";

	/** A misspelt field. */
	public static final String UNKNOWN_FIELD = """
			{"type": "urn:jointops:problem:invalid-report", "title": "Invalid report", "status": 400,
			 "detail": "revison: unknown field; the fields of a report are reportId, revision, state, agency, operation, stage, periodStart, periodEnd, withdrawn, findings (category, quantity, currency)",
			 "instance": "/api/v1/reports",
			 "errors": [{"field": "revison", "reason": "unknown field; the fields of a report are reportId, revision, state, agency, operation, stage, periodStart, periodEnd, withdrawn, findings (category, quantity, currency)"}]}""";

	/** A report of another agency than the token's. */
	public static final String NOT_YOURS = """
			{"type": "urn:jointops:problem:forbidden", "title": "Not your report", "status": 403,
			 "detail": "You are authenticated as KAZ/INTERIOR and may send its reports only", "instance": "/api/v1/reports",
			 "errors": [{"field": "agency", "reason": "must be INTERIOR, the agency of your token, found CUSTOMS"}]}""";

	/** A revision for a stage the secretariat accepted. */
	public static final String LOCKED = """
			{"type": "urn:jointops:problem:stage-locked", "title": "Stage locked", "status": 409,
			 "detail": "Stage 2 of ILLEGAL-2017 for KAZ was accepted by the secretariat (secretariat) on 2026-12-02T10:15Z: its figures are final and take no new revision or withdrawal; the secretariat can reopen it with a recorded reason",
			 "instance": "/api/v1/reports", "operation": "ILLEGAL-2017", "stage": 2, "state": "KAZ", "submissionStatus": "ACCEPTED",
			 "since": "2026-12-02T10:15:27.311Z", "by": "secretariat",
			 "errors": [{"field": "stage", "reason": "Stage 2 of ILLEGAL-2017 for KAZ was accepted by the secretariat (secretariat) on 2026-12-02T10:15Z: its figures are final and take no new revision or withdrawal; the secretariat can reopen it with a recorded reason"}]}""";

	/** A revision of a withdrawn report that is not higher than its withdrawal. */
	public static final String WITHDRAWN = """
			{"type": "urn:jointops:problem:report-withdrawn", "title": "Report withdrawn", "status": 409,
			 "detail": "Report KAZ-INTERIOR-2017-0001 of KAZ was withdrawn at revision 3 (accepted at 2026-12-02T10:20:05Z): revision 2 is not higher, so it would not count. To bring the report back, send a revision higher than 3; to report something else, use a new report id",
			 "instance": "/api/v1/reports", "reportId": "KAZ-INTERIOR-2017-0001", "withdrawnAtRevision": 3,
			 "withdrawnAt": "2026-12-02T10:20:05.118Z",
			 "errors": [{"field": "revision", "reason": "Report KAZ-INTERIOR-2017-0001 of KAZ was withdrawn at revision 3 (accepted at 2026-12-02T10:20:05Z): revision 2 is not higher, so it would not count. To bring the report back, send a revision higher than 3; to report something else, use a new report id"}]}""";

	/** The answer to a revision that brings a withdrawn report back. */
	public static final String BACK = """
			{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 4, "state": "KAZ", "topic": "findings.kaz",
			 "partition": 0, "offset": 57, "submittedAt": "2026-12-02T10:31:12.402Z",
			 "notice": "Report KAZ-INTERIOR-2017-0001 was withdrawn at revision 3; this revision brings it back"}""";

	/** Kafka did not acknowledge the revision. */
	public static final String UNAVAILABLE = """
			{"type": "urn:jointops:problem:kafka-unavailable", "title": "Kafka unavailable", "status": 503,
			 "detail": "The report was not acknowledged: Kafka did not acknowledge the report within 10 s. It may or may not have reached Kafka; retry with the same reportId and revision, a revision that arrives twice counts once.",
			 "instance": "/api/v1/reports"}""";

	private ReportExamples() {
	}

}
