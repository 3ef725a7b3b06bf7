package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.completeness.CompletenessController;
import org.jointops.aggregator.publication.PublicationsStandIn;
import org.jointops.aggregator.query.DrivenLedgers;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.testsupport.JwtIssuerStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * Readers with JWTs: the role and the state come from the claims, and a reader with a JWT
 * sees exactly what a reader of its role with an API token sees; an issuer configured for
 * a state vouches only for that state's readers; a JWT of an issuer not trusted is 401,
 * one whose claims name no reader 403, as problem details.
 */
@WebMvcTest(controllers = { OperationsController.class, ReportsController.class, CompletenessController.class },
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import({ OperationsApiTests.Config.class, SecurityConfiguration.class, PublicationsStandIn.class })
class ReaderJwtTests {

	private static final String OP = "/api/v1/operations/ILLEGAL-2017";

	/** The council's identity provider: every role. */
	private static final JwtIssuerStandIn COUNCIL = JwtIssuerStandIn.start("https://idp.council.test");

	/** Kazakhstan's: its own state's readers only. */
	private static final JwtIssuerStandIn KAZ = JwtIssuerStandIn.start("https://idp.kaz.test/readers");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DrivenLedgers ledgers;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("jointops.jwt.issuers.council.issuer-uri", COUNCIL::issuer);
		registry.add("jointops.jwt.issuers.council.jwk-set-uri", COUNCIL::jwkSetUri);
		registry.add("jointops.jwt.issuers.kaz.issuer-uri", KAZ::issuer);
		registry.add("jointops.jwt.issuers.kaz.jwk-set-uri", KAZ::jwkSetUri);
		registry.add("jointops.jwt.issuers.kaz.states", () -> "KAZ");
	}

	@AfterAll
	static void stopTheIssuers() {
		COUNCIL.close();
		KAZ.close();
	}

	@BeforeEach
	void twoStates() {
		this.ledgers.clear();
		this.ledgers.record(illegal2017("KAZ", "KAZ-REPORT-1").setSubmittedAt(Instant.parse("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 100)))
			.build());
		this.ledgers.record(illegal2017("RUS", "RUS-REPORT-1").setSubmittedAt(Instant.parse("2017-06-03T09:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 50)))
			.build());
	}

	@Test
	void anObserversJwtSeesOnlyWhatAnObserverSees() {
		String observer = COUNCIL.jwt(reader("press", "OBSERVER", null));

		assertThat(get(observer, OP + "/totals")).as("published figures only: none yet")
			.hasStatus(HttpStatus.NOT_FOUND);
		for (String path : List.of(OP + "/reports", OP + "/completeness", OP + "/totals?agency=INTERIOR",
				OP + "/totals/stream")) {
			forbidden(get(observer, path));
		}
	}

	@Test
	void aSecretariatsJwtReadsEverythingAndAStatesOnlyItsOwnState() {
		String secretariat = COUNCIL.jwt(reader("clerk", "SECRETARIAT", null));
		assertThat(get(secretariat, OP + "/reports")).hasStatusOk().bodyJson().extractingPath("$.count").isEqualTo(2);

		String kazakhstan = KAZ.jwt(reader("analyst", "STATE", "KAZ"));
		MvcTestResult own = get(kazakhstan, OP + "/reports");
		assertThat(own).hasStatusOk().bodyJson().extractingPath("$.count").isEqualTo(1);
		forbidden(get(kazakhstan, OP + "/reports?state=RUS"));
	}

	@Test
	void anIssuerOfAStateVouchesOnlyForThatStatesReaders() {
		MvcTestResult secretariat = get(KAZ.jwt(reader("someone", "SECRETARIAT", null)), OP + "/reports");
		forbidden(secretariat);
		assertThat(secretariat).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jointops_role");

		MvcTestResult russia = get(KAZ.jwt(reader("someone", "STATE", "RUS")), OP + "/reports");
		forbidden(russia);
		assertThat(russia).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jointops_state");
	}

	@Test
	void aJwtWithoutARoleIs403AndOneOfAnIssuerNotTrusted401() {
		MvcTestResult noRole = get(COUNCIL.jwt(reader("nobody", null, null)), OP + "/totals");
		forbidden(noRole);
		assertThat(noRole).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jointops_role");

		try (JwtIssuerStandIn stranger = JwtIssuerStandIn.start("https://idp.elsewhere.test")) {
			MvcTestResult result = get(stranger.jwt(reader("clerk", "SECRETARIAT", null)), OP + "/totals");
			assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:unauthenticated");
			assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The JWT is refused: Invalid issuer");
		}
	}

	private static Map<String, Object> reader(String subject, String role, String state) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", subject);
		if (role != null) {
			claims.put("jointops_role", role);
		}
		if (state != null) {
			claims.put("jointops_state", state);
		}
		return claims;
	}

	private MvcTestResult get(String jwt, String path) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt).exchange();
	}

	private static void forbidden(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:forbidden");
	}

}
