package org.jointops.producer.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.producer.StateProducerApplication;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.Reports;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Who first sent each report, on the state's owners topic of a real broker: one record
 * per report however many revisions it has, and all a restarted producer reads (it starts
 * even when it may not read its findings topic); filled once from the findings topic of a
 * deployment that had no owners topic, also when that was interrupted or two instances do
 * it at once; shared by two instances of one state, which never both accept a new report
 * id for two agencies.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class OwnersTopicIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Autowired
	ReportOwners owners;

	@Autowired
	ReportMarks marks;

	@Test
	void aRestartedProducerLearnsEveryOwnerFromOneRecordPerReportWithoutReadingTheFindingsTopic() throws Exception {
		Map<String, String> reports = Map.of("KAZ-RST-1", "INTERIOR", "KAZ-RST-2", "INTERIOR", "KAZ-RST-3", "CUSTOMS",
				"KAZ-RST-4", "CUSTOMS");
		for (int revision = 1; revision <= 5; revision++) {
			for (Map.Entry<String, String> report : reports.entrySet()) {
				assertThat(post(url(this.port), report.getValue(), report(report.getKey(), revision, report.getValue()))
					.status()).isEqualTo(202);
			}
		}

		assertThat(findings("KAZ")).filteredOn((record) -> record.key().startsWith("KAZ-RST-")).hasSize(20);
		assertThat(ownerRecords("KAZ")).filteredOn((record) -> record.key().startsWith("KAZ-RST-"))
			.extracting(ConsumerRecord::key, ConsumerRecord::value)
			.containsExactlyInAnyOrder(tuple("KAZ-RST-1", "INTERIOR"), tuple("KAZ-RST-2", "INTERIOR"),
					tuple("KAZ-RST-3", "CUSTOMS"), tuple("KAZ-RST-4", "CUSTOMS"));
		long ownersOnTopic = ownerRecords("KAZ").stream()
			.map(ConsumerRecord::key)
			.filter((key) -> !key.equals(Topics.OWNERS_COMPLETE))
			.distinct()
			.count();
		try (Admin admin = this.kafka.admin()) {
			AclBinding noFindings = new AclBinding(
					new ResourcePattern(ResourceType.TOPIC, Topics.findings("KAZ"), PatternType.LITERAL),
					new AccessControlEntry("User:" + KafkaUsers.producer("KAZ"), "*", AclOperation.READ,
							AclPermissionType.DENY));
			admin.createAcls(List.of(noFindings)).all().get(30, TimeUnit.SECONDS);
			try {
				await("the producer's user may no longer read findings.kaz").atMost(PATIENCE)
					.untilAsserted(() -> assertThatExceptionOfType(TopicAuthorizationException.class)
						.isThrownBy(() -> TopicReader.readAll(producerClient("KAZ"), findingsTopic("KAZ"))));
				try (ConfigurableApplicationContext restarted = start("KAZ")) {
					ReportOwners known = restarted.getBean(ReportOwners.class);
					assertThat(known.awaitReady(PATIENCE)).isTrue();
					assertThat(known.size()).isEqualTo(ownersOnTopic);
					Http.Response foreign = post(url(restarted), "INTERIOR", report("KAZ-RST-3", 6, "INTERIOR"));
					assertThat(foreign.status()).isEqualTo(403);
					assertThat(foreign.json().get("detail").asString()).isEqualTo(
							"Report KAZ-RST-3 was first sent by CUSTOMS; only CUSTOMS may revise or withdraw it");
					assertThat(post(url(restarted), "CUSTOMS", report("KAZ-RST-3", 6, "CUSTOMS")).status())
						.isEqualTo(202);
				}
			}
			finally {
				admin.deleteAcls(List.of(noFindings.toFilter())).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void aFindingsTopicWithoutOwnersTopicIsReadOnceToFillIt(CapturedOutput output) {
		this.kafka.createTopics(new NewTopic(Topics.findings("KGZ"), 3, (short) 1));
		// as an earlier release left it: KGZ-OLD-2 was first sent by CUSTOMS, then, when
		// two agencies could still both be accepted at once, by INTERIOR
		write(revision("KGZ", "KGZ-OLD-1", 1, "INTERIOR"), revision("KGZ", "KGZ-OLD-2", 1, "CUSTOMS"),
				revision("KGZ", "KGZ-OLD-1", 2, "INTERIOR"), revision("KGZ", "KGZ-OLD-2", 2, "INTERIOR"),
				revision("KGZ", "KGZ-OLD-3", 1, "BORDER_GUARD"), revision("KGZ", "KGZ-OLD-2", 3, "CUSTOMS"),
				revision("KGZ", "KGZ-OLD-1", 3, "INTERIOR"), revision("KGZ", "KGZ-OLD-3", 2, "BORDER_GUARD"));

		try (ConfigurableApplicationContext producer = start("KGZ")) {
			assertThat(producer.getBean(ReportOwners.class).awaitReady(PATIENCE)).isTrue();
			assertThat(ownerRecords("KGZ")).extracting(ConsumerRecord::key, ConsumerRecord::value)
				.containsExactlyInAnyOrder(tuple("KGZ-OLD-1", "INTERIOR"), tuple("KGZ-OLD-2", "CUSTOMS"),
						tuple("KGZ-OLD-3", "BORDER_GUARD"), tuple(Topics.OWNERS_COMPLETE, "3"));
			assertThat(output).contains("Backfilled the owners of 3 reports into owners.kgz from findings.kgz "
					+ "(8 revisions, 0 reports named already)");
			assertThat(post(url(producer), "INTERIOR", report("KGZ-OLD-2", 4, "INTERIOR")).status()).isEqualTo(403);
			assertThat(post(url(producer), "CUSTOMS", report("KGZ-OLD-2", 4, "CUSTOMS")).status()).isEqualTo(202);
		}
		try (ConfigurableApplicationContext restarted = start("KGZ")) {
			assertThat(restarted.getBean(ReportOwners.class).awaitReady(PATIENCE)).isTrue();
			assertThat(restarted.getBean(ReportOwners.class).size()).isEqualTo(3);
		}
		assertThat(ownerRecords("KGZ")).as("nothing written again").hasSize(4);
		assertThat(output.toString().split("into owners.kgz", -1)).as("backfilled once").hasSize(2);
	}

	@Test
	void aBackfillThatWasInterruptedIsFinishedByTheNextStartEvenByTwoInstancesAtOnce() throws Exception {
		this.kafka.createTopics(new NewTopic(Topics.findings("TJK"), 3, (short) 1),
				new NewTopic(Topics.owners("TJK").name(), 3, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
		Map<String, String> firstAgencies = new LinkedHashMap<>();
		for (int report = 1; report <= 12; report++) {
			String agency = Credentials.AGENCIES.get(report % Credentials.AGENCIES.size());
			firstAgencies.put("TJK-OLD-" + report, agency);
			write(revision("TJK", "TJK-OLD-" + report, 1, agency), revision("TJK", "TJK-OLD-" + report, 2, agency));
		}
		// a start-up killed half-way: some owners written, not the record that ends it
		this.kafka.send(Topics.owners("TJK").name(), bytes("TJK-OLD-1"), bytes(firstAgencies.get("TJK-OLD-1")));
		this.kafka.send(Topics.owners("TJK").name(), bytes("TJK-OLD-2"), bytes(firstAgencies.get("TJK-OLD-2")));

		CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start("TJK"));
		CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start("TJK"));
		try (ConfigurableApplicationContext one = first.get(120, TimeUnit.SECONDS);
				ConfigurableApplicationContext two = second.get(120, TimeUnit.SECONDS)) {
			for (ConfigurableApplicationContext instance : List.of(one, two)) {
				ReportOwners known = instance.getBean(ReportOwners.class);
				assertThat(known.awaitReady(PATIENCE)).isTrue();
				firstAgencies.forEach((reportId, agency) -> assertThat(known.known(reportId)).contains(agency));
			}
		}
		List<ConsumerRecord<String, String>> records = ownerRecords("TJK");
		assertThat(records).filteredOn((record) -> !record.key().equals(Topics.OWNERS_COMPLETE))
			.allSatisfy(
					(record) -> assertThat(record.value()).as(record.key()).isEqualTo(firstAgencies.get(record.key())))
			.extracting(ConsumerRecord::key)
			.containsAll(firstAgencies.keySet());
		assertThat(records).extracting(ConsumerRecord::key).contains(Topics.OWNERS_COMPLETE);
		assertThat(records).filteredOn((record) -> record.key().equals("TJK-OLD-1"))
			.as("an owner already on the topic is not written again")
			.hasSize(1);
	}

	@Test
	void aReportAcceptedOnOneInstanceIsRefusedToAnotherAgencyOnAnotherOnceItHasFollowedTheOwner() {
		try (ConfigurableApplicationContext other = start("KAZ")) {
			ReportOwners otherOwners = other.getBean(ReportOwners.class);
			assertThat(otherOwners.awaitReady(PATIENCE)).isTrue();

			assertThat(post(url(this.port), "INTERIOR", report("KAZ-TWO-1", 1, "INTERIOR")).status()).isEqualTo(202);
			await("the other instance follows the owner").atMost(PATIENCE)
				.until(() -> otherOwners.known("KAZ-TWO-1"), (owner) -> owner.equals(Optional.of("INTERIOR")));

			Http.Response foreign = post(url(other), "CUSTOMS", report("KAZ-TWO-1", 2, "CUSTOMS"));
			assertThat(foreign.status()).isEqualTo(403);
			assertThat(foreign.json().at("/errors/0/field").asString()).isEqualTo("reportId");
			assertThat(post(url(other), "INTERIOR", report("KAZ-TWO-1", 2, "INTERIOR")).status()).isEqualTo(202);
		}
	}

	@Test
	void aNewReportIdSentAtOnceByTwoAgenciesToTwoInstancesIsAcceptedForOneOfThemOnly() throws Exception {
		Map<String, String> winners = new HashMap<>();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try (ConfigurableApplicationContext other = start("KAZ")) {
			assertThat(other.getBean(ReportOwners.class).awaitReady(PATIENCE)).isTrue();
			for (int report = 0; report < 20; report++) {
				String reportId = "KAZ-RACE-" + report;
				CyclicBarrier together = new CyclicBarrier(2);
				CompletableFuture<Http.Response> interior = CompletableFuture.supplyAsync(() -> {
					awaitBarrier(together);
					return post(url(this.port), "INTERIOR", report(reportId, 1, "INTERIOR"));
				}, clients);
				CompletableFuture<Http.Response> customs = CompletableFuture.supplyAsync(() -> {
					awaitBarrier(together);
					return post(url(other), "CUSTOMS", report(reportId, 1, "CUSTOMS"));
				}, clients);
				int interiorStatus = interior.get(60, TimeUnit.SECONDS).status();
				int customsStatus = customs.get(60, TimeUnit.SECONDS).status();
				assertThat(List.of(interiorStatus, customsStatus)).as(reportId).containsExactlyInAnyOrder(202, 403);
				winners.put(reportId, (interiorStatus == 202) ? "INTERIOR" : "CUSTOMS");
			}
			ReportOwners otherOwners = other.getBean(ReportOwners.class);
			await("both instances know every owner").atMost(PATIENCE)
				.untilAsserted(() -> winners.forEach((reportId, winner) -> {
					assertThat(this.owners.known(reportId)).contains(winner);
					assertThat(otherOwners.known(reportId)).contains(winner);
				}));
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(findings("KAZ")).filteredOn((record) -> record.key().startsWith("KAZ-RACE-"))
			.extracting(ConsumerRecord::key, (record) -> record.value().getAgency())
			.containsExactlyInAnyOrderElementsOf(
					winners.entrySet().stream().map((winner) -> tuple(winner.getKey(), winner.getValue())).toList());
		await("the last owner record of each report names its owner, which compaction keeps").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(firstAndLastOwners("KAZ-RACE-")).isEqualTo(bothNaming(winners)));
	}

	@Test
	void aLaterRecordNamingAnotherAgencyIsAnsweredByTheOwnerWrittenAgain() {
		assertThat(post(url(this.port), "INTERIOR", report("KAZ-AGAIN-1", 1, "INTERIOR")).status()).isEqualTo(202);

		this.kafka.send(Topics.owners("KAZ").name(), bytes("KAZ-AGAIN-1"), bytes("CUSTOMS"));

		await("the owner written again after the record naming CUSTOMS").atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(ownerRecords("KAZ")).filteredOn((record) -> record.key().equals("KAZ-AGAIN-1"))
						.extracting(ConsumerRecord::value)
						.containsExactly("INTERIOR", "CUSTOMS", "INTERIOR"));
		assertThat(post(url(this.port), "CUSTOMS", report("KAZ-AGAIN-1", 2, "CUSTOMS")).status()).isEqualTo(403);
	}

	@Test
	void aWithdrawalAcceptedOnOneInstanceIsNamedByAnotherOnceItHasFollowedItsMarkAndSoIsTheRevisionThatBringsItBack() {
		try (ConfigurableApplicationContext other = start("KAZ")) {
			ReportMarks otherMarks = other.getBean(ReportMarks.class);
			assertThat(other.getBean(ReportOwners.class).awaitReady(PATIENCE)).isTrue();
			assertThat(post(url(this.port), "INTERIOR", report("KAZ-WD-1", 1, "INTERIOR")).status()).isEqualTo(202);
			assertThat(post(url(this.port), "INTERIOR", withdrawal("KAZ-WD-1", 2)).status()).isEqualTo(202);
			await("the other instance follows the withdrawal's mark").atMost(PATIENCE)
				.until(() -> otherMarks.of("KAZ-WD-1"),
						(mark) -> mark.map((known) -> known.isWithdrawn() && known.revision() == 2).orElse(false));

			Http.Response stale = post(url(other), "INTERIOR", report("KAZ-WD-1", 1, "INTERIOR"));
			assertThat(stale.status()).isEqualTo(409);
			assertThat(stale.json().at("/type").asString()).isEqualTo("urn:jointops:problem:report-withdrawn");
			assertThat(stale.json().at("/withdrawnAtRevision").asInt()).isEqualTo(2);
			Http.Response back = post(url(other), "INTERIOR", report("KAZ-WD-1", 3, "INTERIOR"));
			assertThat(back.status()).isEqualTo(202);
			assertThat(back.json().at("/notice").asString())
				.isEqualTo("Report KAZ-WD-1 was withdrawn at revision 2; this revision brings it back");
			await("the first instance follows the mark of the revision that brought it back").atMost(PATIENCE)
				.until(() -> this.marks.of("KAZ-WD-1"),
						(mark) -> mark.map((known) -> !known.isWithdrawn() && known.revision() == 3).orElse(false));
			assertThat(post(url(this.port), "INTERIOR", report("KAZ-WD-1", 1, "INTERIOR")).status())
				.as("back: an older revision is not refused as withdrawn")
				.isEqualTo(202);
		}
		assertThat(allRecords("KAZ")).filteredOn((record) -> record.key().startsWith("#mark/KAZ-WD-1/"))
			.extracting(ConsumerRecord::key, (record) -> record.value().replaceAll(" \\S+Z ", " "))
			.containsExactlyInAnyOrder(tuple("#mark/KAZ-WD-1/1/STANDS", "STANDS 1 ILLEGAL-2017 1"),
					tuple("#mark/KAZ-WD-1/2/WITHDRAWN", "WITHDRAWN 2 ILLEGAL-2017 1"),
					tuple("#mark/KAZ-WD-1/3/BACK", "BACK 3 ILLEGAL-2017 1"));
		assertThat(this.owners.known("KAZ-WD-1")).contains("INTERIOR");
	}

	private Map<String, List<String>> firstAndLastOwners(String prefix) {
		Map<String, List<String>> owners = new HashMap<>();
		for (ConsumerRecord<String, String> record : ownerRecords("KAZ")) {
			if (record.key().startsWith(prefix)) {
				owners.merge(record.key(), List.of(record.value(), record.value()),
						(known, later) -> List.of(known.get(0), later.get(1)));
			}
		}
		return owners;
	}

	private static Map<String, List<String>> bothNaming(Map<String, String> winners) {
		Map<String, List<String>> expected = new HashMap<>();
		winners.forEach((reportId, winner) -> expected.put(reportId, List.of(winner, winner)));
		return expected;
	}

	private ConfigurableApplicationContext start(String state) {
		Map<String, Object> properties = new HashMap<>(Map.of("jointops.state", state, "server.port", "0",
				"spring.kafka.bootstrap-servers", this.kafka.bootstrapServers(), "spring.jmx.enabled", "false"));
		properties.putAll(Credentials.producerKafkaProperties(state));
		// one broker: one replica
		properties.put("jointops.kafka.replication.replication-factor", "1");
		properties.put("jointops.kafka.replication.min-insync-replicas", "1");
		return StateProducerApplication.application()
			.run(properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
	}

	private Map<String, Object> producerClient(String state) {
		String user = KafkaUsers.producer(state);
		Map<String, Object> client = new HashMap<>(ClientSecurity.scram(user, Credentials.kafkaPassword(user)));
		client.put("bootstrap.servers", this.kafka.bootstrapServers());
		return client;
	}

	/**
	 * The records of a state's owners topic that name owners (and the one that says it is
	 * complete), without the report marks beside them.
	 */
	private List<ConsumerRecord<String, String>> ownerRecords(String state) {
		return allRecords(state).stream().filter((record) -> ReportMarks.reportIdOf(record.key()).isEmpty()).toList();
	}

	private List<ConsumerRecord<String, String>> allRecords(String state) {
		return TopicReader.readAll(this.kafka.adminClientProperties(), Topics.owners(state).name(),
				new StringDeserializer(), new StringDeserializer());
	}

	private List<ConsumerRecord<String, ReportRevision>> findings(String state) {
		return TopicReader.readAll(this.kafka.adminClientProperties(), findingsTopic(state));
	}

	private static org.jointops.wire.Topic<String, ReportRevision> findingsTopic(String state) {
		return WireFormat.singleObject().findings(state);
	}

	private void write(ReportRevision... revisions) {
		for (ReportRevision revision : revisions) {
			this.kafka.publish(revision);
		}
	}

	private static ReportRevision revision(String state, String reportId, int revision, String agency) {
		return Reports.illegal2017(state, reportId)
			.setRevision(revision)
			.setAgency(agency)
			.setFindings(List.of(Reports.count("IMMIGRATION_LAW_VIOLATIONS", revision)))
			.build();
	}

	private static String report(String reportId, int revision, String agency) {
		return ReportJson.illegal2017(reportId)
			.revision(revision)
			.with("agency", agency)
			.count("IMMIGRATION_LAW_VIOLATIONS", 5)
			.toJson();
	}

	private static String withdrawal(String reportId, int revision) {
		return ReportJson.illegal2017(reportId)
			.revision(revision)
			.with("agency", "INTERIOR")
			.withdrawn()
			.with("findings", List.of())
			.toJson();
	}

	private static Http.Response post(String url, String agency, String json) {
		return Http.postJsonAs(agency, url, json);
	}

	private static String url(int port) {
		return "http://localhost:" + port + "/api/v1/reports";
	}

	private static String url(ConfigurableApplicationContext producer) {
		return url(Integer.parseInt(producer.getEnvironment().getProperty("local.server.port")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
