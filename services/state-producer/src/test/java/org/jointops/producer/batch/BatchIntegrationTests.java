package org.jointops.producer.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.producer.StateProducerApplication;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches over real HTTP (the colon in {@code reports:batch} through Tomcat) on a real
 * broker: exactly the accepted reports are on the topic, where the answer says, and a dry
 * run leaves the topic as it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class BatchIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void csvBatchWithGoodAndBadRowsPutsExactlyTheGoodReportsOnTheTopic() {
		String csv = """
				reportId,revision,agency,operation,stage,periodStart,periodEnd,withdrawn,category,quantity,currency
				KAZ-CSV-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,1520,
				KAZ-CSV-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,FINES_IMPOSED,125000.50,USD
				KAZ-CSV-2,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,-3,
				KAZ-CSV-3,1,INTERIOR,ILLEGAL-2017,2,2017-09-25,2017-10-06,false,WANTED_PERSONS_DETAINED,4,
				KAZ-CSV-1,2,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,true,,,
				""";

		Http.Response response = Http.postAs("INTERIOR", url(BatchController.PATH), "text/csv; charset=utf-8", csv,
				PATIENCE);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("reports").asInt()).isEqualTo(4);
		assertThat(body.get("accepted").asInt()).isEqualTo(3);
		JsonNode rejected = body.get("results").get(1);
		assertThat(rejected.get("outcome").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("errors").get(0).get("field").asString()).isEqualTo("line 4: quantity");
		List<ConsumerRecord<String, ReportRevision>> records = TopicReader.readAll(this.kafka.adminClientProperties(),
				WireFormat.singleObject().findings("KAZ"));
		assertThat(records).extracting(ConsumerRecord::key)
			.filteredOn((key) -> key.startsWith("KAZ-CSV-"))
			.containsExactlyInAnyOrder("KAZ-CSV-1", "KAZ-CSV-3", "KAZ-CSV-1");
		for (JsonNode result : body.get("results")) {
			if (result.get("outcome").asString().equals("ACCEPTED")) {
				ConsumerRecord<String, ReportRevision> record = records.stream()
					.filter((candidate) -> candidate.partition() == result.get("partition").asInt()
							&& candidate.offset() == result.get("offset").asLong())
					.findFirst()
					.orElseThrow();
				ReportRevision revision = record.value();
				assertThat(revision.getReportId()).isEqualTo(result.get("reportId").asString());
				assertThat(revision.getRevision()).isEqualTo(result.get("revision").asInt());
			}
		}
	}

	@Test
	void dryRunOnBothEndpointsSendsNothing() {
		Http.Response first = Http.postJsonAs("INTERIOR", url("/api/v1/reports"),
				ReportJson.illegal2017("KAZ-DRY-0").count("IMMIGRATION_LAW_VIOLATIONS", 1).toJson());
		assertThat(first.status()).isEqualTo(202);
		Map<String, Long> before = keysOnTheTopic();

		Http.Response single = Http.postJsonAs("INTERIOR", url("/api/v1/reports?dryRun=true"),
				ReportJson.illegal2017("KAZ-DRY-1").count("IMMIGRATION_LAW_VIOLATIONS", 1).toJson());
		Http.Response batch = Http.postJsonAs("INTERIOR", url(BatchController.PATH + "?dryRun=true"),
				"[" + ReportJson.illegal2017("KAZ-DRY-2").count("IMMIGRATION_LAW_VIOLATIONS", 1) + ","
						+ ReportJson.illegal2017("KAZ-DRY-0").revision(2).withdrawn() + "]");
		Http.Response csv = Http.postAs("INTERIOR", url(BatchController.PATH + "?dryRun=true"), "text/csv",
				"reportId,revision,agency,operation,stage,periodStart,periodEnd,category,quantity\n"
						+ "KAZ-DRY-3,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,IMMIGRATION_LAW_VIOLATIONS,1\n",
				PATIENCE);

		assertThat(single.status()).isEqualTo(200);
		assertThat(single.json().get("dryRun").asBoolean()).isTrue();
		assertThat(batch.json().get("valid").asInt()).isEqualTo(2);
		assertThat(csv.json().get("valid").asInt()).isEqualTo(1);
		assertThat(keysOnTheTopic()).isEqualTo(before).doesNotContainKeys("KAZ-DRY-1", "KAZ-DRY-2", "KAZ-DRY-3");
	}

	private Map<String, Long> keysOnTheTopic() {
		return TopicReader.readAll(this.kafka.adminClientProperties(), WireFormat.singleObject().findings("KAZ"))
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key,
					java.util.stream.Collectors.counting()));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
