package org.jointops.aggregator.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.testsupport.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submissions API: who may take which action on whose figures, what each answers, and
 * that every refusal is problem details and records nothing.
 */
@WebMvcTest(controllers = ApprovalController.class,
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import({ SecurityConfiguration.class, RegisterChangesStandIn.class, ApprovalApiTests.Config.class })
class ApprovalApiTests {

	private static final String SUBMISSIONS = "/api/v1/operations/ILLEGAL-2017/submissions";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RegisterStandIn registers;

	@BeforeEach
	void nothingRecorded() {
		this.registers.clear();
	}

	@Test
	void everyStageAndStateIsOpenUntilSomethingIsRecorded() {
		MvcTestResult result = get(Credentials.SECRETARIAT, SUBMISSIONS);

		assertThat(result).hasStatus(HttpStatus.OK).hasHeader(HttpHeaders.ETAG, "\"0\"");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"operation": "ILLEGAL-2017", "version": 0, "status": "PRELIMINARY", "stages": [
				  {"stage": 1, "status": "PRELIMINARY"}, {"stage": 2, "status": "PRELIMINARY"}]}""");
		assertThat(result).bodyJson()
			.extractingPath("$.stages[*].states[*].status")
			.asArray()
			.hasSize(12)
			.containsOnly("OPEN");
		assertThat(result).bodyJson()
			.extractingPath("$.stages[0].states[2]")
			.asMap()
			.containsEntry("state", "KAZ")
			.containsEntry("name", "Kazakhstan")
			.containsEntry("figures", "PRELIMINARY")
			.containsEntry("locked", false)
			.containsEntry("possible", java.util.List.of("SUBMIT"))
			.containsEntry("lastTransition", null);
	}

	@Test
	void aStateSubmitsItsFiguresAndTheSecretariatAcceptsThemWhoWhenAndWhyRecorded() {
		MvcTestResult submitted = post(Credentials.STATE_KAZ, "/1/KAZ:submit",
				"{\"comment\": \"all agencies reported\"}");
		assertThat(submitted).hasStatus(HttpStatus.OK).hasHeader(HttpHeaders.ETAG, "\"1\"");
		assertThat(submitted).bodyJson().isLenientlyEqualTo("""
				{"operation": "ILLEGAL-2017", "stage": 1, "state": "KAZ", "version": 1, "status": "SUBMITTED",
				 "figures": "PRELIMINARY", "locked": true, "possible": ["ACCEPT", "RETURN"],
				 "transitions": [{"stage": 1, "state": "KAZ", "action": "SUBMIT", "status": "SUBMITTED",
				   "at": "2026-12-02T10:15:00Z", "by": "kaz", "comment": "all agencies reported"}]}""");

		MvcTestResult accepted = post(Credentials.SECRETARIAT, "/1/KAZ:accept", null);
		assertThat(accepted).hasStatus(HttpStatus.OK);
		assertThat(accepted).bodyJson().isLenientlyEqualTo("""
				{"version": 2, "status": "ACCEPTED", "figures": "FINAL", "locked": true, "possible": ["REOPEN"],
				 "transitions": [{"action": "SUBMIT", "by": "kaz"},
				   {"action": "ACCEPT", "status": "ACCEPTED", "at": "2026-12-02T10:16:00Z", "by": "secretariat"}]}""");

		MvcTestResult list = get(Credentials.SECRETARIAT, SUBMISSIONS);
		assertThat(list).bodyJson().extractingPath("$.status").isEqualTo("PRELIMINARY");
		assertThat(list).bodyJson()
			.extractingPath("$.stages[0].states[*].status")
			.asArray()
			.containsExactly("OPEN", "OPEN", "ACCEPTED", "OPEN", "OPEN", "OPEN");
		assertThat(list).bodyJson()
			.extractingPath("$.stages[0].states[2].lastTransition")
			.asMap()
			.containsEntry("action", "ACCEPT")
			.containsEntry("by", "secretariat")
			.containsEntry("at", "2026-12-02T10:16:00Z");
		assertThat(list).bodyJson().extractingPath("$.stages[0].states[2].figures").isEqualTo("FINAL");
		assertThat(get(Credentials.STATE_KAZ, SUBMISSIONS + "/1/KAZ")).bodyJson()
			.extractingPath("$.transitions[*].action")
			.asArray()
			.containsExactly("SUBMIT", "ACCEPT");
	}

	@Test
	void theSecretariatReturnsWithACommentAndReopensWithTheRecordedReason() {
		post(Credentials.STATE_KAZ, "/2/KAZ:submit", null);
		assertThat(post(Credentials.SECRETARIAT, "/2/KAZ:return", "{\"comment\": \"fines of Almaty missing\"}"))
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"status": "RETURNED", "locked": false, "possible": ["SUBMIT"],
							 "transitions": [{"action": "SUBMIT"}, {"action": "RETURN", "comment": "fines of Almaty missing"}]}""");
		post(Credentials.STATE_KAZ, "/2/KAZ:submit", null);
		post(Credentials.SECRETARIAT, "/2/KAZ:accept", null);

		MvcTestResult reopened = post(Credentials.SECRETARIAT, "/2/KAZ:reopen",
				"{\"comment\": \"court ruling reduced a fine\"}");

		assertThat(reopened).hasStatus(HttpStatus.OK);
		assertThat(reopened).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"version": 5, "status": "REOPENED", "figures": "PRELIMINARY", "locked": false, "possible": ["SUBMIT"]}""");
		assertThat(reopened).bodyJson()
			.extractingPath("$.transitions[4]")
			.isEqualTo(java.util.Map.of("stage", 2, "state", "KAZ", "action", "REOPEN", "status", "REOPENED", "at",
					"2026-12-02T10:19:00Z", "by", "secretariat", "comment", "court ruling reduced a fine"));
	}

	@Test
	void anImpossibleTransitionIsAConflictNamingTheStatusAndWhatIsPossibleAndRecordsNothing() {
		MvcTestResult result = post(Credentials.SECRETARIAT, "/1/KAZ:accept", null);

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"type": "urn:jointops:problem:invalid-transition", "title": "Invalid transition", "status": 409,
							 "detail": "Stage 1 of ILLEGAL-2017 for KAZ is OPEN; ACCEPT is possible only from [SUBMITTED]; possible now: [SUBMIT]",
							 "action": "ACCEPT", "submissionStatus": "OPEN", "possible": ["SUBMIT"], "currentVersion": 0}""");
		assertThat(this.registers.of("ILLEGAL-2017").version()).isZero();

		post(Credentials.STATE_KAZ, "/1/KAZ:submit", null);
		assertThat(post(Credentials.STATE_KAZ, "/1/KAZ:submit", null)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.possible")
			.asArray()
			.containsExactly("ACCEPT", "RETURN");
		assertThat(post(Credentials.SECRETARIAT, "/1/KAZ:reopen", "{\"comment\": \"why not\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(this.registers.of("ILLEGAL-2017").version()).isEqualTo(1);
	}

	@Test
	void returningOrReopeningWithoutACommentIsRefusedNamingTheField() {
		post(Credentials.STATE_KAZ, "/1/KAZ:submit", null);

		for (String body : new String[] { null, "{}", "{\"comment\": \"  \"}" }) {
			MvcTestResult result = post(Credentials.SECRETARIAT, "/1/KAZ:return", body);
			assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result).as(body)
				.bodyJson()
				.isLenientlyEqualTo(
						"""
								{"type": "urn:jointops:problem:invalid-submission-request",
								 "errors": [{"field": "comment", "reason": "required to return: say why (it is recorded with the transition)"}]}""");
		}
		assertThat(this.registers.of("ILLEGAL-2017").version()).isEqualTo(1);
	}

	@Test
	void anUnknownStageOrStateIsNotFoundNamingTheFieldAndAnUnknownOperationToo() {
		assertThat(post(Credentials.STATE_KAZ, "/3/KAZ:submit", null)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"type": "urn:jointops:problem:unknown-submission",
					 "errors": [{"field": "stage", "reason": "must be a stage of ILLEGAL-2017 ([1, 2]), found 3"}]}""");
		assertThat(get(Credentials.SECRETARIAT, SUBMISSIONS + "/1/XYZ")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"type": "urn:jointops:problem:unknown-submission",
							 "errors": [{"field": "state", "reason": "must be a member state of the catalogue ([ARM, BLR, KAZ, KGZ, RUS, TJK]), found 'XYZ'"}]}""");
		assertThat(get(Credentials.SECRETARIAT, "/api/v1/operations/NO-SUCH-OP/submissions"))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:jointops:problem:unknown-operation");
		assertThat(this.registers.of("ILLEGAL-2017").version()).isZero();
	}

	@Test
	void onlyAStateSubmitsAndOnlyItsOwnFigures() {
		forbidden(post(Credentials.SECRETARIAT, "/1/KAZ:submit", null));
		forbidden(post(Credentials.STATE_KAZ, "/1/RUS:submit", null));
		forbidden(post(Credentials.OBSERVER, "/1/KAZ:submit", null));
		assertThat(this.registers.of("ILLEGAL-2017").version()).isZero();
	}

	@Test
	void onlyTheSecretariatAcceptsReturnsAndReopens() {
		post(Credentials.STATE_KAZ, "/1/KAZ:submit", null);
		for (String action : new String[] { "accept", "return", "reopen" }) {
			forbidden(post(Credentials.STATE_KAZ, "/1/KAZ:" + action, "{\"comment\": \"mine\"}"));
			forbidden(post(Credentials.OBSERVER, "/1/KAZ:" + action, "{\"comment\": \"mine\"}"));
		}
		assertThat(this.registers.of("ILLEGAL-2017").version()).isEqualTo(1);
	}

	@Test
	void anObserverSeesNoSubmissionsAndAStateOnlyItsOwn() {
		forbidden(get(Credentials.OBSERVER, SUBMISSIONS));
		forbidden(get(Credentials.OBSERVER, SUBMISSIONS + "/1/KAZ"));
		forbidden(get(Credentials.STATE_KAZ, SUBMISSIONS + "/1/RUS"));

		MvcTestResult own = get(Credentials.STATE_KAZ, SUBMISSIONS);
		assertThat(own).hasStatus(HttpStatus.OK);
		assertThat(own).bodyJson()
			.extractingPath("$.stages[*].states[*].state")
			.asArray()
			.containsExactly("KAZ", "KAZ");
	}

	@Test
	void aWrongIfMatchIsRefused() {
		assertThat(this.mvc.post()
			.uri(SUBMISSIONS + "/1/KAZ:submit")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(Credentials.STATE_KAZ))
			.header(HttpHeaders.IF_MATCH, "\"four\"")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("If-Match");
	}

	private static void forbidden(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:forbidden");
	}

	private MvcTestResult get(String reader, String path) {
		return this.mvc.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(reader))
			.exchange();
	}

	private MvcTestResult post(String reader, String action, String body) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri(SUBMISSIONS + action)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(reader));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	@TestConfiguration
	static class Config {

		@Bean
		CurrentCatalogue catalogue() {
			return CurrentCatalogue.fixed(CatalogueLoader.bundled());
		}

		@Bean
		RegisterStandIn registerStandIn() {
			return new RegisterStandIn();
		}

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
		}

		@Bean
		io.micrometer.core.instrument.simple.SimpleMeterRegistry meterRegistry() {
			return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		}

	}

}
