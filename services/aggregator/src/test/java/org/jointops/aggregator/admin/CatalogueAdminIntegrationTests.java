package org.jointops.aggregator.admin;

import java.util.List;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.catalogue.CatalogueDocument;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API over real HTTP against the aggregator on a real broker: who may change
 * the catalogue, what is refused (and then nothing is written), and what a change answers
 * and writes to {@code catalogue.changes}.
 */
@AggregatorOnRealBroker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueAdminIntegrationTests {

	private static final String CATEGORY = "/api/v1/admin/catalogue/programmes/ILLEGAL/categories/";

	private static final String OPERATION = "/api/v1/admin/catalogue/operations/";

	private static final String PASSPORTS = """
			{"name": "forged passports seized", "unit": "COUNT"}""";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	@Order(1)
	void onlyTheSecretariatChangesTheCatalogue() {
		assertThat(put(null, CATEGORY + "FORGED_PASSPORTS", PASSPORTS).status()).isEqualTo(401);
		for (String reader : List.of(Credentials.STATE_KAZ, Credentials.OBSERVER)) {
			Http.Response refused = put(Credentials.readerToken(reader), CATEGORY + "FORGED_PASSPORTS", PASSPORTS);
			assertThat(refused.status()).as(reader).isEqualTo(403);
			assertThat(refused.json().path("type").asString()).isEqualTo("urn:jointops:problem:forbidden");
			assertThat(post(Credentials.readerToken(reader), CATEGORY + "FINES_IMPOSED:retire").status()).as(reader)
				.isEqualTo(403);
			assertThat(put(Credentials.readerToken(reader), OPERATION + "ILLEGAL-2018", illegal2018()).status())
				.as(reader)
				.isEqualTo(403);
		}
		assertThat(Http.getAs(Credentials.OBSERVER, url("/api/v1/catalogue")).json().path("version").asLong())
			.as("every reader reads the catalogue and its version")
			.isZero();
		assertThat(written()).isEmpty();
	}

	@Test
	@Order(2)
	void refusesInvalidChangesAndWritesNothing() {
		Http.Response unit = put(secretariat(), CATEGORY + "FINES_IMPOSED", """
				{"name": "fines", "unit": "COUNT"}""");
		assertThat(unit.status()).isEqualTo(400);
		assertThat(unit.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unit.json().path("type").asString()).isEqualTo("urn:jointops:problem:invalid-catalogue-change");
		assertThat(unit.json().at("/errors/0/field").asString()).isEqualTo("categories.FINES_IMPOSED.unit");
		assertThat(unit.json().at("/errors/0/reason").asString()).contains("MONEY").contains("COUNT");

		Http.Response badUnit = put(secretariat(), CATEGORY + "FORGED_PASSPORTS", """
				{"name": "forged passports", "unit": "LITRE"}""");
		assertThat(badUnit.status()).isEqualTo(400);
		assertThat(badUnit.json().at("/errors/0/field").asString()).isEqualTo("unit");

		Http.Response badCode = put(secretariat(), CATEGORY + "forged", PASSPORTS);
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.json().at("/errors/0/field").asString()).isEqualTo("code");

		Http.Response moved = put(secretariat(), "/api/v1/admin/catalogue/programmes/KANAL/categories/FINES_IMPOSED",
				"""
						{"name": "fines", "unit": "MONEY"}""");
		assertThat(moved.status()).isEqualTo(400);
		assertThat(moved.json().at("/errors/0/field").asString()).isEqualTo("programme");

		Http.Response parent = put(secretariat(), CATEGORY + "FORGED_PASSPORTS", """
				{"name": "forged passports", "unit": "COUNT", "parent": "FINES_IMPOSED"}""");
		assertThat(parent.status()).isEqualTo(400);
		assertThat(parent.json().at("/errors/0/field").asString()).isEqualTo("catalogue");

		Http.Response stages = put(secretariat(), OPERATION + "ILLEGAL-2018", """
				{"programme": "ILLEGAL", "name": "Illegal 2018",
				 "stages": [{"stage": 1, "start": "2018-06-01", "end": "2018-05-21"}]}""");
		assertThat(stages.status()).isEqualTo(400);
		assertThat(stages.json().at("/errors/0/reason").asString()).contains("ends before it starts");

		Http.Response unknown = post(secretariat(), CATEGORY + "SMUGGLED_PARROTS:retire");
		assertThat(unknown.status()).isEqualTo(404);

		Http.Response stale = requestWith(secretariat(), "PUT", CATEGORY + "FORGED_PASSPORTS", PASSPORTS, "If-Match",
				"\"7\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().path("currentVersion").asLong()).isZero();

		assertThat(written()).as("nothing written").isEmpty();
	}

	@Test
	@Order(3)
	void aChangeIsWrittenAppliedAndAnsweredWithItsVersion() {
		Http.Response created = requestWith(secretariat(), "PUT", CATEGORY + "FORGED_PASSPORTS", PASSPORTS, "If-Match",
				"\"0\"");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(created.json().path("version").asLong()).isEqualTo(1);
		assertThat(created.json().path("changedBy").asString()).isEqualTo(Credentials.SECRETARIAT);
		assertThat(created.json().at("/entry/unit").asString()).isEqualTo("COUNT");

		Http.Response same = put(secretariat(), CATEGORY + "FORGED_PASSPORTS", PASSPORTS);
		assertThat(same.json().path("version").asLong()).as("a change that changes nothing").isEqualTo(1);

		Http.Response operation = put(secretariat(), OPERATION + "ILLEGAL-2018", illegal2018());
		assertThat(operation.status()).as(operation.body()).isEqualTo(200);
		assertThat(operation.json().path("version").asLong()).isEqualTo(2);

		Http.Response retired = post(secretariat(), CATEGORY + "FORGED_PASSPORTS:retire");
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		assertThat(retired.json().at("/entry/retired").asBoolean()).isTrue();

		Http.Response removedStage = put(secretariat(), OPERATION + "ILLEGAL-2018", """
				{"programme": "ILLEGAL", "name": "Illegal 2018",
				 "stages": [{"stage": 2, "start": "2018-09-24", "end": "2018-10-05"}]}""");
		assertThat(removedStage.status()).isEqualTo(400);
		assertThat(removedStage.json().at("/errors/0/field").asString()).isEqualTo("operations.ILLEGAL-2018.stages");

		JsonNode catalogue = Http.getAs(Credentials.STATE_KAZ, url("/api/v1/catalogue")).json();
		assertThat(catalogue.path("version").asLong()).isEqualTo(3);
		assertThat(catalogue.toString()).contains("FORGED_PASSPORTS").contains("ILLEGAL-2018");
		assertThat(written()).extracting(CatalogueDocument::version).containsExactly(1L, 2L, 3L);
		assertThat(Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"))
			.json()
			.at("/components/catalogue/details/version")
			.asLong()).isEqualTo(3);
	}

	private static String illegal2018() {
		return """
				{"programme": "ILLEGAL", "name": "Illegal 2018", "reportingDays": 10,
				 "stages": [{"stage": 1, "start": "2018-05-21", "end": "2018-06-01"},
				            {"stage": 2, "start": "2018-09-24", "end": "2018-10-05", "reportBy": "2018-10-10"}]}""";
	}

	private List<CatalogueDocument> written() {
		return TopicReader
			.readAll(this.kafka.adminClientProperties(), Topics.CATALOGUE, new StringDeserializer(),
					new StringDeserializer())
			.stream()
			.map((record) -> CatalogueDocument.fromJson(record.value()))
			.toList();
	}

	private static String secretariat() {
		return Credentials.readerToken(Credentials.SECRETARIAT);
	}

	private Http.Response put(String token, String path, String json) {
		return requestWith(token, "PUT", path, json);
	}

	private Http.Response post(String token, String path) {
		return requestWith(token, "POST", path, null);
	}

	private Http.Response requestWith(String token, String method, String path, String json, String... headers) {
		return Http.requestWith(token, method, url(path), json, headers);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
