package org.jointops.system.faults;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.Reports;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records written straight to the findings topics, past every producer service,
 * while valid reports stream in and the aggregator is killed once in an open transaction:
 * each lands in the dead-letter topic exactly once, with its original bytes and the
 * reason in headers, and the aggregator never stops. One of them per state is another
 * agency's revision of a report an agency sent first through its producer: the oracle
 * leaves it out by its own rule (a report belongs to the agency of its first revision),
 * not as a broken report, and the aggregator dead-letters it as {@code NOT_THE_OWNER}.
 */
class PoisonRecordsIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	private static final String REASON = "dead-letter.reason";

	private static final String KIND = "dead-letter.kind";

	private static final String ANOTHER_AGENCY = "another agency's revision";

	private static final String SOURCE_TOPIC = "dead-letter.source-topic";

	private static final String SOURCE_PARTITION = "dead-letter.source-partition";

	private static final String SOURCE_OFFSET = "dead-letter.source-offset";

	@Test
	void everyPoisonRecordIsDeadLetteredExactlyOnceAndTheTotalsStayExact() throws Exception {
		Random random = new Random(20170602L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "valid", 120, 2);
		List<Poison> poisons = poisons(random);
		Ledger ledger = new Ledger();
		List<Written> written = new ArrayList<>();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("poison-records"))
			.states(STATES.toArray(String[]::new))
			.aggregatorProperty("spring.kafka.streams.properties.commit.interval.ms", "5000")
			.start();
				Admin admin = pipeline.broker().admin();
				KafkaProducer<String, byte[]> raw = rawProducer(pipeline.clientProperties());
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 2, Duration.ofMillis(100),
						Duration.ofMinutes(3))) {
			// the reports another agency then revises past the producers: first sent here
			agencies.postAll(owned());
			CompletableFuture<Void> traffic = agencies.post(plan);
			int half = poisons.size() / 2;
			poisons.subList(0, half).forEach((poison) -> written.add(write(raw, poison)));
			FaultRuns.awaitOpenAggregatorTransaction(admin);
			pipeline.aggregator().kill();
			pipeline.restartAggregator(0, false);
			poisons.subList(half, poisons.size()).forEach((poison) -> written.add(write(raw, poison)));
			traffic.join();

			Set<String> broken = new HashSet<>();
			poisons.stream()
				.filter((poison) -> poison.brokenReport() != null)
				.forEach((poison) -> broken.add(poison.brokenReport()));
			Oracle oracle = Reckoning.assertExact(pipeline, ledger, broken);
			Awaitility.await("every poison record dead-lettered")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertDeadLetteredOnce(pipeline.clientProperties(), written));
			assertThat(oracle.notTheOwner()).as("revisions the oracle left out for their agency")
				.isEqualTo(STATES.size());
			assertThat(pipeline.aggregator().healthStatus()).as("aggregator health").isEqualTo(200);
			assertThat(pipeline.aggregator().jvm().starts()).as("aggregator starts (one kill)").isEqualTo(2);
			System.out.printf(
					"poison records: %d poison records (%s), %d valid reports, %s; 1 kill inside an open "
							+ "transaction; oracle read %d records (%d undecodable, %d not the owner's)%n",
					written.size(), poisons.stream().map(Poison::kind).distinct().toList(), ledger.reports(),
					ledger.summary(), oracle.recordsRead(), oracle.undecodable(), oracle.notTheOwner());
		}
	}

	private static void assertDeadLetteredOnce(Map<String, Object> client, List<Written> written) {
		List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.readAll(client, Topics.DEAD_LETTER,
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		for (Written poison : written) {
			List<ConsumerRecord<byte[], byte[]>> copies = deadLetters.stream()
				.filter((record) -> poison.topic().equals(header(record, SOURCE_TOPIC))
						&& String.valueOf(poison.partition()).equals(header(record, SOURCE_PARTITION))
						&& String.valueOf(poison.offset()).equals(header(record, SOURCE_OFFSET)))
				.toList();
			assertThat(copies).as("dead letters of %s", poison).hasSize(1);
			ConsumerRecord<byte[], byte[]> copy = copies.get(0);
			assertThat(copy.value()).as("original bytes of %s", poison).isEqualTo(poison.value());
			assertThat(header(copy, REASON)).as("reason of %s", poison).isNotBlank();
			if (poison.kind().equals(ANOTHER_AGENCY)) {
				assertThat(header(copy, KIND)).as("kind of %s", poison).isEqualTo("NOT_THE_OWNER");
				assertThat(header(copy, REASON)).as("reason of %s", poison).contains("first sent by INTERIOR");
			}
		}
		assertThat(deadLetters).as("dead letters in all").hasSize(written.size());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static List<Poison> poisons(Random random) {
		List<Poison> poisons = new ArrayList<>();
		for (String state : STATES) {
			String topic = Topics.findings(state);
			poisons.add(new Poison("random bytes", topic, "noise-" + state, randomBytes(random, 1 + random.nextInt(64)),
					null));
			byte[] wrongMagic = encode(valid(state, "wrong-magic-" + state).build());
			wrongMagic[0] = (byte) 0x00;
			poisons.add(new Poison("wrong magic byte", topic, "wrong-magic-" + state, wrongMagic, null));
			byte[] unknownFingerprint = encode(valid(state, "unknown-schema-" + state).build());
			System.arraycopy(randomBytes(random, 8), 0, unknownFingerprint, 2, 8);
			poisons.add(new Poison("unknown schema fingerprint", topic, "unknown-schema-" + state, unknownFingerprint,
					null));
			String unknownCategory = "unknown-category-" + state;
			poisons.add(new Poison("unknown category", topic, unknownCategory, encode(
					valid(state, unknownCategory).setFindings(List.of(Reports.count("NOT_A_CATEGORY", 7))).build()),
					state + "/" + unknownCategory));
			String negative = "negative-" + state;
			poisons.add(new Poison("negative quantity", topic, negative,
					encode(valid(state, negative)
						.setFindings(List.of(Finding.newBuilder(Reports.count("IMMIGRATION_LAW_VIOLATIONS", 1))
							.setQuantity(new BigDecimal("-1000"))
							.build()))
						.build()),
					state + "/" + negative));
			String foreign = "foreign-" + state;
			String other = STATES.stream().filter((code) -> !code.equals(state)).findFirst().orElseThrow();
			poisons.add(new Poison("another state's report", topic, foreign,
					encode(valid(other, foreign).setFindings(List.of(Reports.count("IMMIGRATION_LAW_VIOLATIONS", 50)))
						.build()),
					other + "/" + foreign));
			String owned = ownedReport(state);
			poisons.add(new Poison(ANOTHER_AGENCY, topic, owned,
					encode(valid(state, owned).setAgency("CUSTOMS")
						.setRevision(2)
						.setFindings(List.of(Reports.count("IMMIGRATION_LAW_VIOLATIONS", 500)))
						.build()),
					null));
		}
		return poisons;
	}

	/**
	 * The first revision of one report per state, sent by INTERIOR through the state's
	 * producer before any poison record is written.
	 */
	private static List<Submission> owned() {
		return STATES.stream()
			.map((state) -> new Submission(state, ownedReport(state), 1, 1, false,
					List.of(new Submission.Line("IMMIGRATION_LAW_VIOLATIONS", BigDecimal.valueOf(9), null))))
			.toList();
	}

	private static String ownedReport(String state) {
		return "owned-" + state;
	}

	private static ReportRevision.Builder valid(String state, String reportId) {
		return Reports.illegal2017(state, reportId)
			.setFindings(List.of(Reports.count("IMMIGRATION_LAW_VIOLATIONS", 3)));
	}

	private static byte[] encode(ReportRevision report) {
		try {
			ByteBuffer buffer = ReportRevision.getEncoder().encode(report);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static Written write(KafkaProducer<String, byte[]> raw, Poison poison) {
		try {
			RecordMetadata metadata = raw.send(new ProducerRecord<>(poison.topic(), poison.key(), poison.value()))
				.get(30, TimeUnit.SECONDS);
			return new Written(poison.kind(), poison.topic(), metadata.partition(), metadata.offset(), poison.value());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot write " + poison.kind(), ex);
		}
	}

	/**
	 * Writes as the node's administrator: the broker lets it write any findings topic.
	 */
	private static KafkaProducer<String, byte[]> rawProducer(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * A record no producer service would write.
	 *
	 * @param kind what is wrong with it
	 * @param topic where it goes
	 * @param key its key
	 * @param value its bytes
	 * @param brokenReport for a decodable report that breaks a rule, its key for the
	 * oracle
	 */
	private record Poison(String kind, String topic, String key, byte[] value, String brokenReport) {

	}

	/**
	 * A poison record as written.
	 *
	 * @param kind what is wrong with it
	 * @param topic topic
	 * @param partition partition
	 * @param offset offset
	 * @param value its bytes
	 */
	private record Written(String kind, String topic, int partition, long offset, byte[] value) {

		@Override
		public String toString() {
			return this.kind + " at " + this.topic + "-" + this.partition + "@" + this.offset;
		}

	}

}
