package org.jointops.producer.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.ingest.RecordingPublisher;
import org.jointops.producer.ingest.ReportController;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.JwtIssuerStandIn;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agencies with JWTs beside API tokens: a producer of KAZ trusts only the issuers
 * configured for KAZ, takes the agency and the state from the claims, refuses a JWT of
 * another issuer, an expired one or one for another audience 401, and one of another
 * state or an agency not in the catalogue 403, all as problem details; a key the issuer
 * rotated in is fetched without a restart. The issuers are stand-ins serving their key
 * sets on loopback ({@link JwtIssuerStandIn}).
 */
@WebMvcTest(controllers = ReportController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ",
				"jointops.jwt.audiences=jointops" })
@Import(ProducerWebSlice.class)
class AgencyJwtTests {

	/** The identity provider of Kazakhstan's agencies. */
	private static final JwtIssuerStandIn KAZ = JwtIssuerStandIn.start("https://idp.kaz.test/agencies");

	/** Uzbekistan's: trusted by Uzbekistan's producer, not by this one. */
	private static final JwtIssuerStandIn UZB = JwtIssuerStandIn.start("https://idp.uzb.test/agencies");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	ReportOwners owners;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("jointops.jwt.issuers.kaz-idp.issuer-uri", KAZ::issuer);
		registry.add("jointops.jwt.issuers.kaz-idp.jwk-set-uri", KAZ::jwkSetUri);
		registry.add("jointops.jwt.issuers.kaz-idp.states", () -> "KAZ");
		registry.add("jointops.jwt.issuers.uzb-idp.issuer-uri", UZB::issuer);
		registry.add("jointops.jwt.issuers.uzb-idp.jwk-set-uri", UZB::jwkSetUri);
		registry.add("jointops.jwt.issuers.uzb-idp.states", () -> "UZB");
	}

	@AfterAll
	static void stopTheIssuers() {
		KAZ.close();
		UZB.close();
	}

	@BeforeEach
	void nothingPublished() {
		this.owners.markReady();
		this.publisher.reset();
	}

	@Test
	void anAgencysJwtPostsAReportAttributedToTheAgencyItsClaimsName() {
		String customs = KAZ.jwt(agency("CUSTOMS", "KAZ"));

		assertThat(post(customs, "KAZ-JWT-1", "CUSTOMS")).hasStatus(202);
		assertThat(this.publisher.published()).singleElement()
			.satisfies((revision) -> assertThat(revision.getAgency()).isEqualTo("CUSTOMS"));

		MvcTestResult another = post(customs, "KAZ-JWT-2", "INTERIOR");
		assertThat(another).hasStatus(403);
		assertThat(another).bodyJson()
			.extractingPath("$.errors[0].reason")
			.isEqualTo("must be CUSTOMS, the agency of your token, found INTERIOR");
		assertThat(post(Credentials.token("INTERIOR"), "KAZ-JWT-2", "INTERIOR")).as("API tokens, beside")
			.hasStatus(202);
	}

	@Test
	void aJwtOfAnIssuerNotTrustedForThisStateIsRefused401() {
		MvcTestResult result = post(UZB.jwt(agency("CUSTOMS", "KAZ")), "KAZ-JWT-3", "CUSTOMS");

		unauthenticated(result, "Invalid issuer");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void anExpiredJwtIsRefused401() {
		unauthenticated(post(KAZ.jwt(agency("CUSTOMS", "KAZ"), Duration.ofMinutes(-5)), "KAZ-JWT-4", "CUSTOMS"),
				"expired");
	}

	@Test
	void aJwtWithoutAnExpiryIsRefused401() {
		Map<String, Object> claims = agency("CUSTOMS", "KAZ");
		// a claim given null is left out of the JWT
		claims.put("exp", null);
		String jwt = KAZ.jwt(claims);
		assertThat(jwt.split("\\.")[1]).as("payload without exp")
			.satisfies(
					(payload) -> assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
						.doesNotContain("\"exp\""));
		unauthenticated(post(jwt, "KAZ-JWT-9", "CUSTOMS"), "exp is required");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void aJwtForAnotherAudienceOrWithATamperedSignatureIsRefused401() {
		Map<String, Object> claims = agency("CUSTOMS", "KAZ");
		claims.put("aud", "another-service");
		unauthenticated(post(KAZ.jwt(claims), "KAZ-JWT-5", "CUSTOMS"), "aud");

		String jwt = KAZ.jwt(agency("CUSTOMS", "KAZ"));
		String tampered = jwt.substring(0, jwt.length() - 4) + (jwt.endsWith("AAAA") ? "BBBB" : "AAAA");
		unauthenticated(post(tampered, "KAZ-JWT-5", "CUSTOMS"), "");
	}

	@Test
	void aJwtOfAnotherStatesAgencyOrOfAnAgencyNotInTheCatalogueIsRefused403() {
		MvcTestResult otherState = post(KAZ.jwt(agency("CUSTOMS", "UZB")), "KAZ-JWT-6", "CUSTOMS");
		assertThat(otherState).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(otherState).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:forbidden");
		assertThat(otherState).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jointops_state");
		assertThat(otherState).bodyJson()
			.extractingPath("$.errors[0].reason")
			.isEqualTo("must be KAZ, the state of this producer, found UZB");

		MvcTestResult unknown = post(KAZ.jwt(agency("SECRET_POLICE", "KAZ")), "KAZ-JWT-6", "SECRET_POLICE");
		assertThat(unknown).hasStatus(403);
		assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jointops_agency");
		assertThat(unknown).bodyJson()
			.extractingPath("$.errors[0].reason")
			.isEqualTo("must be an agency of the catalogue, found SECRET_POLICE");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void aKeyTheIssuerRotatedInIsFetchedWithoutARestart() {
		assertThat(post(KAZ.jwt(agency("MIGRATION", "KAZ")), "KAZ-JWT-7", "MIGRATION")).hasStatus(202);
		String before = KAZ.keyId();
		int fetches = KAZ.keySetFetches();

		KAZ.rotate();

		assertThat(KAZ.keyId()).isNotEqualTo(before);
		assertThat(post(KAZ.jwt(agency("MIGRATION", "KAZ")), "KAZ-JWT-8", "MIGRATION")).hasStatus(202);
		assertThat(KAZ.keySetFetches()).as("the key set fetched again for the unknown key id").isGreaterThan(fetches);
	}

	private static Map<String, Object> agency(String agency, String state) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", "officer-17");
		claims.put("aud", "jointops");
		claims.put("jointops_agency", agency);
		claims.put("jointops_state", state);
		return claims;
	}

	private MvcTestResult post(String token, String reportId, String agency) {
		return this.mvc.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ReportJson.illegal2017(reportId)
				.with("agency", agency)
				.count("IMMIGRATION_LAW_VIOLATIONS", 1)
				.toJson())
			.exchange();
	}

	private static void unauthenticated(MvcTestResult result, String detail) {
		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:unauthenticated");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("The JWT is refused")
			.contains(detail);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.contains("error=\"invalid_token\"");
	}

}
