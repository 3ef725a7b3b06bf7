package org.jointops.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.ledger.ReportKey;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.Programme;
import org.jointops.catalogue.Unit;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.StandingReport;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Reports;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.jointops.wire.AvroSerdes;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;
import static org.jointops.testsupport.Reports.money;

/**
 * The aggregator's semantics, one rule per test, on {@link TopologyTestDriver}.
 */
class CouncilTotalsTopologyTests {

	private static final String ILLEGAL_2017 = Reports.ILLEGAL_2017;

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	@TempDir
	Path stateDir;

	private final WireFormat wire = WireFormat.singleObject();

	private final Map<String, CouncilTotals> latest = new HashMap<>();

	private final SwappableCatalogue catalogue = new SwappableCatalogue(CatalogueLoader.bundled());

	private TopologyTestDriver driver;

	private TestOutputTopic<String, CouncilTotals> councilTotals;

	private TestOutputTopic<byte[], byte[]> deadLetters;

	@BeforeEach
	void startTopology() {
		startTopology(this.wire.reportRevisions());
	}

	private void startTopology(Serde<ReportRevision> reportRevisions) {
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, this.catalogue, Duration.ofSeconds(10), reportRevisions,
				this.wire.councilTotals(), 3, HistoryProperties.DEFAULTS);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "council-totals-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), properties);
		Topic<String, CouncilTotals> totals = this.wire.councilTotals();
		this.councilTotals = this.driver.createOutputTopic(totals.name(), totals.keyDeserializer(),
				totals.valueDeserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.DEAD_LETTER, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void namesEveryProcessorStoreAndInternalTopic() {
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, this.catalogue, Duration.ofSeconds(10), this.wire.reportRevisions(),
				this.wire.councilTotals(), 3, HistoryProperties.DEFAULTS);
		String description = builder.build().describe().toString();

		assertThat(description).as("no generated names, which would shift when the topology changes")
			.doesNotContain("KSTREAM-")
			.doesNotContain("KTABLE-");
		assertThat(description).contains("stores: [" + LedgerStores.REVISIONS + "]")
			.contains("Processor: ledger (stores: [" + LedgerStores.LEDGER + "]")
			.contains("topic: " + CouncilTotalsTopology.REPORTS_BY_ID + "-repartition")
			.contains("topic: " + CouncilTotalsTopology.CHANGES_BY_OPERATION + "-repartition");
	}

	@Test
	void sumsReportsOfSeveralStatesExactly() {
		send(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(count(VIOLATIONS, 52000), money("FINES_IMPOSED", "0.10", "USD")))
			.build());
		send(illegal2017("RUS", "RUS-1")
			.setFindings(List.of(count(VIOLATIONS, 90000), money("FINES_IMPOSED", "0.20", "USD")))
			.build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("142000");
		assertThat(line(VIOLATIONS).getByState()).containsOnlyKeys("KAZ", "RUS");
		assertThat(line("FINES_IMPOSED").getTotal()).as("0.1 + 0.2, exactly").isEqualByComparingTo("0.30");
		assertThat(totals().getReports()).isEqualTo(2);
	}

	@Test
	void breaksTotalsDownByStateAndByStage() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		send(illegal2017Stage2("KAZ", "KAZ-2").setFindings(List.of(count(VIOLATIONS, 5))).build());
		send(illegal2017("TJK", "TJK-1").setFindings(List.of(count(VIOLATIONS, 1))).build());

		TotalLine line = line(VIOLATIONS);
		assertThat(line.getByState()).hasEntrySatisfying("KAZ", (kaz) -> assertThat(kaz).isEqualByComparingTo("15"))
			.hasEntrySatisfying("TJK", (tjk) -> assertThat(tjk).isEqualByComparingTo("1"));
		assertThat(line.getByStage()).hasEntrySatisfying("1", (one) -> assertThat(one).isEqualByComparingTo("11"))
			.hasEntrySatisfying("2", (two) -> assertThat(two).isEqualByComparingTo("5"));
	}

	@Test
	void countsOnlyTheHighestRevision() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 120))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("120");
		assertThat(totals().getReports()).isEqualTo(1);
	}

	@Test
	void countsTheSameRevisionOnceAndTheFirstOneStands() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		long version = totals().getVersion();
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 999))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("100");
		assertThat(totals().getVersion()).as("a repeated revision changes nothing").isEqualTo(version);
	}

	@Test
	void ignoresAnOlderRevisionArrivingLate() {
		send(illegal2017("KAZ", "KAZ-1").setRevision(3).setFindings(List.of(count(VIOLATIONS, 130))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 120))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(1).setFindings(List.of(count(VIOLATIONS, 100))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("130");
		assertThat(totals().getVersion()).isEqualTo(1);
	}

	@Test
	void removesAWithdrawnReportsContribution() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 7))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setWithdrawn(true).setFindings(List.of()).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("7");
		assertThat(line(VIOLATIONS).getByState()).containsOnlyKeys("RUS");
		assertThat(totals().getReports()).isEqualTo(1);
	}

	@Test
	void countsNothingForAReportWithdrawnFromItsFirstRevision() {
		send(illegal2017("KAZ", "KAZ-1").setWithdrawn(true).setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 7))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("7");
		assertThat(totals().getReports()).isEqualTo(1);
		assertThat(totals().getVersion()).as("the withdrawn report changed nothing").isEqualTo(1);
	}

	@Test
	void countsARevisionThatFollowsAWithdrawal() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setWithdrawn(true).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(3).setFindings(List.of(count(VIOLATIONS, 90))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("90");
		assertThat(totals().getReports()).isEqualTo(1);
	}

	@Test
	void sendsAnotherAgencysRevisionOfAReportToTheDeadLetterTopicAndChangesNothing() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		long version = totals().getVersion();
		ReportRevision foreign = illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS")
			.setRevision(2)
			.setFindings(List.of(count(VIOLATIONS, 999)))
			.build();
		send(foreign);

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(deadLetter.key()).isEqualTo(key(foreign));
		assertThat(deadLetter.value()).as("the revision as it was sent")
			.isEqualTo(this.wire.reportRevisions().serializer().serialize("findings.kaz", foreign));
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("NOT_THE_OWNER");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("report KAZ-1 of KAZ was first sent by "
				+ "INTERIOR; only INTERIOR may revise or withdraw it, not CUSTOMS (revision 2)");
		assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("findings.kaz");
		assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
		assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
		assertThat(deadLetter.headers().lastHeader(Provenance.HEADER)).as("internal only").isNull();
		assertThat(this.deadLetters.isEmpty()).isTrue();
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("100");
		assertThat(totals().getVersion()).as("nothing changed").isEqualTo(version);
		assertThat(standing("KAZ", "KAZ-1").getCurrent().getAgency()).isEqualTo("INTERIOR");
	}

	@Test
	void writesAnotherAgencysRevisionInSingleObjectEncodingWhenTheWireSerializerFails() {
		this.driver.close();
		Serializer<ReportRevision> refusing = (topic, revision) -> {
			throw new SerializationException("the registry refused to register the schema (403)");
		};
		startTopology(Serdes.serdeFrom(refusing, this.wire.reportRevisions().deserializer()));
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		ReportRevision foreign = illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS").setRevision(2).build();

		send(foreign);

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("NOT_THE_OWNER");
		assertThat(header(deadLetter, DeadLetterHeaders.VALUE_ENCODING)).isEqualTo("avro-single-object");
		assertThat(AvroSerdes.of(ReportRevision.class).deserializer().deserialize("findings.kaz", deadLetter.value()))
			.isEqualTo(foreign);
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("100");
	}

	@Test
	void sendsAnotherAgencysWithdrawalOfAReportToTheDeadLetterTopicAndKeepsCountingIt() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS").setRevision(2).setWithdrawn(true).build());

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("NOT_THE_OWNER");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("report KAZ-1 of KAZ was first sent by "
				+ "INTERIOR; only INTERIOR may revise or withdraw it, not CUSTOMS (revision 2, a withdrawal)");
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("100");
		assertThat(totals().getReports()).isEqualTo(1);
		assertThat(totals().getVersion()).isEqualTo(1);
	}

	@Test
	void countsTheOwnersLaterRevisionsAfterRefusingAnotherAgencysWhateverTheirNumbers() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS")
			.setRevision(5)
			.setFindings(List.of(count(VIOLATIONS, 5)))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS").setFindings(List.of(count(VIOLATIONS, 1))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 120))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(3).setWithdrawn(true).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(4).setFindings(List.of(count(VIOLATIONS, 140))).build());

		assertThat(this.deadLetters.readValuesToList()).as("a higher and an equal revision of CUSTOMS").hasSize(2);
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("140");
		assertThat(totals().getVersion()).as("the owner's four revisions").isEqualTo(4);
		assertThat(standing("KAZ", "KAZ-1").getRevisionsAccepted()).isEqualTo(4);
	}

	@Test
	void theAgencyWhoseFirstRevisionOfANewReportIsReadFirstOwnsIt() {
		send(illegal2017("KAZ", "KAZ-1").setAgency("CUSTOMS").setFindings(List.of(count(VIOLATIONS, 7))).build());
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 100))).build());
		send(illegal2017("RUS", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 3))).build());

		assertThat(header(this.deadLetters.readRecord(), DeadLetterHeaders.REASON))
			.startsWith("report KAZ-1 of KAZ was first sent by CUSTOMS;");
		assertThat(this.deadLetters.isEmpty()).as("another state's report of the same id is another report").isTrue();
		assertThat(line(VIOLATIONS).getByState())
			.hasEntrySatisfying("KAZ", (kaz) -> assertThat(kaz).isEqualByComparingTo("7"))
			.hasEntrySatisfying("RUS", (rus) -> assertThat(rus).isEqualByComparingTo("3"));
	}

	@Test
	void neverAddsOfWhichLinesIntoTheirParent() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("CASES_OTHER_CRIMES", 10),
				count("CASES_DRUG_TRAFFICKING", 4), count("CASES_ARMS_TRAFFICKING", 3)))
			.build());

		assertThat(line("CASES_OTHER_CRIMES").getTotal()).isEqualByComparingTo("10");
		assertThat(line("CASES_DRUG_TRAFFICKING").getTotal()).isEqualByComparingTo("4");
		assertThat(line("CASES_ARMS_TRAFFICKING").getTotal()).isEqualByComparingTo("3");
	}

	@Test
	void keepsOneLinePerCurrency() {
		send(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(money("FINES_IMPOSED", "100.50", "USD"), money("FINES_IMPOSED", "45000", "KZT")))
			.build());
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(money("FINES_IMPOSED", "0.50", "USD"))).build());

		assertThat(totals().getLines()).extracting(TotalLine::getCategory, TotalLine::getCurrency)
			.containsExactly(tuple("FINES_IMPOSED", "KZT"), tuple("FINES_IMPOSED", "USD"));
		assertThat(totals().getLines().get(1).getTotal()).isEqualByComparingTo("101.00");
	}

	@Test
	void listsLinesInCatalogueOrder() {
		send(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(count("CASES_HUMAN_TRAFFICKING", 1), count(VIOLATIONS, 2),
					count("WANTED_PERSONS_DETAINED", 3)))
			.build());

		assertThat(totals().getLines()).extracting(TotalLine::getCategory)
			.containsExactly(VIOLATIONS, "WANTED_PERSONS_DETAINED", "CASES_HUMAN_TRAFFICKING");
	}

	@Test
	void keepsReportsOfTwoStatesWithTheSameIdApart() {
		send(illegal2017("KAZ", "0001").setFindings(List.of(count(VIOLATIONS, 10))).build());
		send(illegal2017("RUS", "0001").setFindings(List.of(count(VIOLATIONS, 20))).build());
		send(illegal2017("RUS", "0001").setRevision(2).setFindings(List.of(count(VIOLATIONS, 25))).build());

		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("35");
		assertThat(totals().getReports()).isEqualTo(2);
	}

	@Test
	void movesAReportWhoseCorrectionNamesAnotherOperation() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setOperation("ILLEGAL-DEMO")
			.setPeriodStart(LocalDate.parse("2026-05-25"))
			.setPeriodEnd(LocalDate.parse("2026-06-05"))
			.setFindings(List.of(count(VIOLATIONS, 11)))
			.build());

		assertThat(totals().getLines()).isEmpty();
		assertThat(totals().getReports()).isZero();
		assertThat(totals("ILLEGAL-DEMO").getLines().get(0).getTotal()).isEqualByComparingTo("11");
	}

	@Test
	void versionGrowsWithEveryChangeAndUpdatedAtIsTheLatestSubmission() {
		Instant first = Instant.parse("2017-06-03T08:00:00Z");
		Instant second = Instant.parse("2017-06-04T09:30:00Z");
		send(illegal2017("KAZ", "KAZ-1").setSubmittedAt(first).setFindings(List.of(count(VIOLATIONS, 1))).build());
		assertThat(totals().getVersion()).isEqualTo(1);
		send(illegal2017("KAZ", "KAZ-2").setSubmittedAt(second).setFindings(List.of(count(VIOLATIONS, 1))).build());

		assertThat(totals().getVersion()).isEqualTo(2);
		assertThat(totals().getUpdatedAt()).isEqualTo(second);
	}

	@Test
	void writesAnOperationsTotalsAtMostOncePerCommitIntervalWithTheLatestVersion() {
		for (int i = 1; i <= 5; i++) {
			send(illegal2017("KAZ", "KAZ-" + i).setFindings(List.of(count(VIOLATIONS, i))).build());
		}
		assertThat(this.councilTotals.readValuesToList()).as("the first change is written at once, the rest wait")
			.extracting(CouncilTotals::getVersion)
			.containsExactly(1L);

		this.driver.advanceWallClockTime(Duration.ofMillis(100));

		assertThat(this.councilTotals.readValuesToList()).as("one write for the four changes since")
			.singleElement()
			.satisfies((totals) -> {
				assertThat(totals.getVersion()).isEqualTo(5);
				assertThat(totals.getReports()).isEqualTo(5);
				assertThat(totals.getLines().get(0).getTotal()).isEqualByComparingTo("15");
			});
		this.driver.advanceWallClockTime(Duration.ofSeconds(1));
		assertThat(this.councilTotals.isEmpty()).as("nothing new, nothing written").isTrue();
	}

	@Test
	void councilLinesAgreeWithTheSumOfTheCells() {
		send(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(count(VIOLATIONS, 7), money("FINES_IMPOSED", "10.5", "KZT")))
			.build());
		send(illegal2017Stage2("KAZ", "KAZ-2").setAgency("BORDER_GUARD")
			.setFindings(List.of(count(VIOLATIONS, 3), money("FINES_IMPOSED", "1.25", "KZT")))
			.build());
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 11), money("FINES_IMPOSED", "2", "RUB")))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setWithdrawn(true).build());

		LedgerReader reader = new LedgerReader(() -> this.driver.getKeyValueStore(LedgerStores.LEDGER));
		OperationLedger ledger = reader.ledger(ILLEGAL_2017).orElseThrow();
		CouncilTotals fromCells = Ledgers.councilTotals(ledger, this.catalogue.current());
		// a ledger's totals carry no epoch (they are answers, never fed)
		fromCells.setEpoch(totals().getEpoch());
		assertThat(totals()).as("council lines kept as the changes flow = the cells summed now").isEqualTo(fromCells);
	}

	@Test
	void totalsCarryTheEpochOfTheOperationsFirstChangeInThisStateAcrossLaterVersions() {
		long before = System.currentTimeMillis();
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 1))).build());
		CouncilTotals first = totals();
		this.driver.advanceWallClockTime(Duration.ofMinutes(5));
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 2))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 3))).build());
		CouncilTotals third = totals();

		assertThat(first.getVersion()).isEqualTo(1);
		assertThat(first.getEpoch()).as("the wall-clock time of the first change (the driver's clock starts now)")
			.isBetween(before - 60_000, before + 60_000);
		assertThat(third.getVersion()).isEqualTo(3);
		assertThat(third.getEpoch()).as("one epoch for every version of this build of the state")
			.isEqualTo(first.getEpoch());
	}

	@Test
	void sendsAnUndecodableRecordToTheDeadLetterTopicAndGoesOn() {
		byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
		input("KAZ").pipeInput("KAZ-9".getBytes(StandardCharsets.UTF_8), garbage);
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build());

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(deadLetter.value()).isEqualTo(garbage);
		assertThat(deadLetter.key()).isEqualTo("KAZ-9".getBytes(StandardCharsets.UTF_8));
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("UNDECODABLE");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("Not Avro single-object encoding");
		assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("findings.kaz");
		assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
		assertThat(this.deadLetters.isEmpty()).isTrue();
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("5");
	}

	@Test
	void sendsARecordWhoseBodyEndsShortToTheDeadLetterTopicAndGoesOn() {
		// the decoder runs out of bytes (an EOFException): the record's fault, not an
		// input/output failure to read it again for
		ReportRevision report = illegal2017("KAZ", "KAZ-9").setFindings(List.of(count(VIOLATIONS, 9))).build();
		byte[] bytes = this.wire.reportRevisions().serializer().serialize("findings.kaz", report);
		byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
		input("KAZ").pipeInput(key(report), truncated);
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build());

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(deadLetter.value()).isEqualTo(truncated);
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("UNDECODABLE");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON))
			.startsWith("Corrupt org.jointops.report.ReportRevision body");
		assertThat(line(VIOLATIONS).getTotal()).isEqualByComparingTo("5");
	}

	@Test
	void sendsAReportOnAnotherStatesTopicToTheDeadLetterTopic() {
		ReportRevision report = illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 5))).build();
		input("KAZ").pipeInput(key(report), this.wire.reportRevisions().serializer().serialize("findings.kaz", report));

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("WRONG_STATE");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON))
			.isEqualTo("report of RUS on the findings topic of KAZ");
		assertThat(this.councilTotals.isEmpty()).isTrue();
	}

	@Test
	void sendsAReportThatBreaksACatalogueRuleToTheDeadLetterTopic() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("SMUGGLED_PARROTS", 5))).build());

		TestRecord<byte[], byte[]> deadLetter = this.deadLetters.readRecord();
		assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("BREAKS_RULES");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON))
			.isEqualTo("breaks the report rules: [findings[0].category: unknown category 'SMUGGLED_PARROTS']");
		assertThat(this.councilTotals.isEmpty()).isTrue();
	}

	@Test
	void countsACategoryOfANewerCatalogueVersionThatThisInstanceHadNotReadYet() {
		this.catalogue.writeWithoutReading(withCategory(CatalogueLoader.bundled(), "FORGED_PASSPORTS"));

		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("FORGED_PASSPORTS", 4))).build());

		assertThat(line("FORGED_PASSPORTS").getTotal()).isEqualByComparingTo("4");
		assertThat(this.deadLetters.isEmpty()).as("caught up before dead-lettering").isTrue();
		assertThat(this.catalogue.version()).isEqualTo(1);
	}

	@Test
	void neverDeadLettersARecordWithoutHavingCaughtUpWithTheCatalogue() {
		this.catalogue.writeWithoutReading(withCategory(CatalogueLoader.bundled(), "FORGED_PASSPORTS"));
		this.catalogue.becomeUnreachable();

		assertThatExceptionOfType(StreamsException.class)
			.isThrownBy(
					() -> send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("FORGED_PASSPORTS", 4))).build()))
			.withRootCauseInstanceOf(CatalogueBehindException.class);
		assertThat(this.deadLetters.isEmpty()).as("not judged against an old catalogue").isTrue();
	}

	@Test
	void countsACategoryAddedByAVersionSwappedInWhileRunning() {
		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("FORGED_PASSPORTS", 4))).build());
		assertThat(header(this.deadLetters.readRecord(), DeadLetterHeaders.KIND)).as("before the change")
			.isEqualTo("BREAKS_RULES");
		assertThat(this.catalogue.catchUps()).as("caught up once before dead-lettering").isEqualTo(1);

		this.catalogue.swap(withCategory(CatalogueLoader.bundled(), "FORGED_PASSPORTS"));
		send(illegal2017("KAZ", "KAZ-2").setFindings(List.of(count("FORGED_PASSPORTS", 6))).build());

		assertThat(line("FORGED_PASSPORTS").getTotal()).isEqualByComparingTo("6");
		assertThat(this.catalogue.catchUps()).as("a valid record waits for nothing").isEqualTo(1);
	}

	@Test
	void keepsCountingAndListingARetiredCategory() {
		send(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(count(VIOLATIONS, 10), money("FINES_IMPOSED", "5.50", "USD")))
			.build());
		this.catalogue.swap(retired(CatalogueLoader.bundled(), "FINES_IMPOSED"));

		send(illegal2017("RUS", "RUS-1").setFindings(List.of(money("FINES_IMPOSED", "1.25", "USD"))).build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setFindings(List.of(count(VIOLATIONS, 11), money("FINES_IMPOSED", "6.50", "USD")))
			.build());

		assertThat(this.deadLetters.isEmpty()).isTrue();
		assertThat(line("FINES_IMPOSED").getTotal()).isEqualByComparingTo("7.75");
		assertThat(totals().getLines()).extracting(TotalLine::getCategory)
			.as("still in council order")
			.containsExactly(VIOLATIONS, "FINES_IMPOSED");
	}

	private static Catalogue withCategory(Catalogue catalogue, String code) {
		CatalogueContent content = catalogue.content();
		return Catalogue.of(
				new CatalogueContent(content.states(), content.agencies(),
						content.programmes()
							.stream()
							.map((p) -> p.code()
								.equals("ILLEGAL")
										? new Programme(p.code(), p.name(), p.council(),
												java.util.stream.Stream
													.concat(p.categories().stream(),
															java.util.stream.Stream.of(new Category(code,
																	"new category", Unit.COUNT, null)))
													.toList())
										: p)
							.toList(),
						content.operations()));
	}

	private static Catalogue retired(Catalogue catalogue, String code) {
		CatalogueContent content = catalogue.content();
		return Catalogue.of(new CatalogueContent(content.states(), content.agencies(),
				content.programmes()
					.stream()
					.map((p) -> new Programme(p.code(), p.name(), p.council(),
							p.categories().stream().map((c) -> c.code().equals(code) ? c.retire() : c).toList()))
					.toList(),
				content.operations()));
	}

	@Test
	void sendsARecordWhoseKeyIsNotItsReportIdToTheDeadLetterTopic() {
		ReportRevision report = illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 5))).build();
		input("KAZ").pipeInput("KAZ-2".getBytes(StandardCharsets.UTF_8),
				this.wire.reportRevisions().serializer().serialize("findings.kaz", report));

		assertThat(header(this.deadLetters.readRecord(), DeadLetterHeaders.KIND)).isEqualTo("BAD_KEY");
		assertThat(this.councilTotals.isEmpty()).isTrue();
	}

	private void send(ReportRevision report) {
		input(report.getState()).pipeInput(key(report),
				this.wire.reportRevisions().serializer().serialize(Topics.findings(report.getState()), report),
				report.getSubmittedAt());
	}

	private TestInputTopic<byte[], byte[]> input(String state) {
		return this.driver.createInputTopic(Topics.findings(state), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	private static byte[] key(ReportRevision report) {
		return report.getReportId().getBytes(StandardCharsets.UTF_8);
	}

	private CouncilTotals totals() {
		return totals(ILLEGAL_2017);
	}

	private CouncilTotals totals(String operation) {
		// totals written at most once per commit interval: the next punctuation writes
		// the
		// latest
		this.driver.advanceWallClockTime(Duration.ofSeconds(1));
		this.councilTotals.readKeyValuesToList().forEach((record) -> this.latest.put(record.key, record.value));
		assertThat(this.latest).as("council totals of %s", operation).containsKey(operation);
		return this.latest.get(operation);
	}

	private TotalLine line(String category) {
		return totals().getLines()
			.stream()
			.filter((line) -> line.getCategory().equals(category))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + category + " in " + totals()));
	}

	private StandingReport standing(String state, String reportId) {
		KeyValueStore<ReportKey, StandingReport> store = this.driver.getKeyValueStore(LedgerStores.REVISIONS);
		return store.get(new ReportKey(state, reportId));
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
