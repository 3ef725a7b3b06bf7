package org.jointops.aggregator.query;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jointops.aggregator.topology.ChangeKey;
import org.jointops.aggregator.topology.CouncilTotalsTopology;
import org.jointops.aggregator.topology.Ledgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;
import static org.jointops.testsupport.Reports.money;

/**
 * As-of totals and traceability, read from the history the real topology keeps, against
 * known sequences of revisions.
 */
class OperationHistoryTests {

	private static final String OPERATION = "ILLEGAL-2017";

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	@TempDir
	Path stateDir;

	private TopologyTestDriver driver;

	private final WireFormat wire = WireFormat.singleObject();

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, CurrentCatalogue.fixed(CATALOGUE), Duration.ZERO,
				this.wire.reportRevisions(), this.wire.councilTotals(), 3);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), properties);
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void totalsAsOfAnInstantLeaveOutCorrectionsAndWithdrawalsSubmittedLater() {
		send(illegal2017("KAZ", "KAZ-1").setSubmittedAt(at("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 100)))
			.build());
		send(illegal2017("RUS", "RUS-1").setSubmittedAt(at("2017-06-03T09:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 50)))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setSubmittedAt(at("2017-06-05T10:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 120)))
			.build());
		send(illegal2017("RUS", "RUS-1").setRevision(2)
			.setWithdrawn(true)
			.setSubmittedAt(at("2017-06-06T10:00:00Z"))
			.build());

		assertThat(asOf("2017-06-01T00:00:00Z")).extracting(CouncilTotals::getVersion, CouncilTotals::getReports)
			.containsExactly(0L, 0L);
		assertThat(asOf("2017-06-01T00:00:00Z").getLines()).isEmpty();
		CouncilTotals june4 = asOf("2017-06-04T00:00:00Z");
		assertThat(june4.getVersion()).isEqualTo(2);
		assertThat(june4.getReports()).isEqualTo(2);
		assertThat(june4.getUpdatedAt()).isEqualTo(at("2017-06-03T09:00:00Z"));
		assertThat(june4.getLines().get(0).getTotal()).isEqualByComparingTo("150");
		assertThat(june4.getLines().get(0).getByState()).containsOnlyKeys("KAZ", "RUS");
		CouncilTotals correction = asOf("2017-06-05T10:00:00Z");
		assertThat(correction.getVersion()).as("a revision submitted at the instant counts").isEqualTo(3);
		assertThat(correction.getLines().get(0).getTotal()).isEqualByComparingTo("170");
		CouncilTotals june7 = asOf("2017-06-07T00:00:00Z");
		assertThat(june7.getVersion()).isEqualTo(4);
		assertThat(june7.getReports()).isEqualTo(1);
		assertThat(june7.getLines().get(0).getTotal()).isEqualByComparingTo("120");
		assertThat(june7.getLines().get(0).getByState()).containsOnlyKeys("KAZ");
	}

	@Test
	void totalsAsOfAnyInstantAfterTheLastSubmissionAreTheLiveTotals() {
		Instant start = at("2017-06-03T00:00:00Z");
		int minute = 0;
		for (String state : List.of("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")) {
			for (int report = 1; report <= 3; report++) {
				String id = state + "-" + report;
				for (int revision : new int[] { 1, 3, 2, 4 }) {
					minute++;
					ReportRevision.Builder builder = ((report == 3) ? illegal2017Stage2(state, id)
							: illegal2017(state, id))
						.setRevision(revision)
						.setSubmittedAt(start.plusSeconds(60L * minute))
						.setFindings(List.of(count(VIOLATIONS, 1000L * report + 10L * revision + minute % 7),
								money("FINES_IMPOSED", minute + ".25", "USD"), count("CASES_OTHER_CRIMES", revision),
								count("CASES_DRUG_TRAFFICKING", 1)));
					if (revision == 4 && report == 2 && (state.equals("KAZ") || state.equals("TJK"))) {
						builder.setWithdrawn(true).setFindings(List.of());
					}
					send(builder.build());
					send(builder.build());
				}
			}
		}

		CouncilTotals live = Ledgers.councilTotals(liveLedger(), CATALOGUE);
		CouncilTotals asOf = asOf("2017-06-04T00:00:00Z");
		assertThat(asOf.getVersion()).isEqualTo(live.getVersion());
		assertThat(asOf.getReports()).isEqualTo(live.getReports()).isEqualTo(16);
		assertThat(asOf.getUpdatedAt()).isEqualTo(live.getUpdatedAt());
		assertThat(asOf.getLines()).hasSameSizeAs(live.getLines());
		for (int i = 0; i < live.getLines().size(); i++) {
			assertThat(normalised(asOf.getLines().get(i))).isEqualTo(normalised(live.getLines().get(i)));
		}
	}

	@Test
	void listsTheReportsBehindTheTotalsEachAtItsStandingRevisionWithHowManyRevisionsStood() {
		send(illegal2017("KAZ", "KAZ-1").setSubmittedAt(at("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 100)))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setWithdrawn(true)
			.setSubmittedAt(at("2017-06-04T08:00:00Z"))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(4)
			.setSubmittedAt(at("2017-06-05T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 90), money("FINES_IMPOSED", "10.50", "USD")))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(3)
			.setSubmittedAt(at("2017-06-05T09:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 999)))
			.build());
		send(illegal2017("RUS", "RUS-1").setAgency("MIGRATION")
			.setSubmittedAt(at("2017-06-03T12:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 7)))
			.build());
		send(illegal2017("ARM", "ARM-1").setSubmittedAt(at("2017-06-03T13:00:00Z"))
			.setFindings(List.of(money("FINES_IMPOSED", "1.25", "USD")))
			.build());

		OperationHistory history = history();
		assertThat(history.reports(null))
			.extracting((r) -> r.report().getReportId(), (r) -> r.report().getRevision(), (r) -> r.report().getAgency(),
					(r) -> r.report().getSubmittedAt(), OperationHistory.StandingReportView::revisions)
			.containsExactly(tuple("ARM-1", 1, "INTERIOR", at("2017-06-03T13:00:00Z"), 1),
					tuple("KAZ-1", 4, "INTERIOR", at("2017-06-05T08:00:00Z"), 3),
					tuple("RUS-1", 1, "MIGRATION", at("2017-06-03T12:00:00Z"), 1));
		assertThat(history.reports(at("2017-06-04T12:00:00Z")))
			.as("on 4 June KAZ-1 stood withdrawn: it made up no total")
			.extracting((r) -> r.report().getReportId())
			.containsExactly("ARM-1", "RUS-1");
		assertThat(history.reports(at("2017-06-03T12:30:00Z")))
			.extracting((r) -> r.report().getReportId(), (r) -> r.report().getRevision())
			.containsExactly(tuple("KAZ-1", 1), tuple("RUS-1", 1));

		TotalsFilter kazViolations = new TotalsFilter(Set.of("KAZ"), Set.of(), Set.of(), Set.of(VIOLATIONS));
		CouncilTotals filtered = Ledgers.councilTotals(kazViolations.apply(liveLedger()), CATALOGUE);
		assertThat(filtered.getLines()).singleElement()
			.satisfies((line) -> assertThat(line.getTotal()).isEqualByComparingTo(sumOf(history, kazViolations)));
		TotalsFilter fines = new TotalsFilter(Set.of(), Set.of(), Set.of(), Set.of("FINES_IMPOSED"));
		assertThat(history.reports(null).stream().filter((r) -> fines.matches(r.report())))
			.extracting((r) -> r.report().getReportId())
			.containsExactly("ARM-1", "KAZ-1");
		assertThat(sumOf(history, fines)).isEqualByComparingTo("11.75");
	}

	@Test
	void keepsTheChangesOfAReportThatMovedToAnotherOperationApart() {
		send(illegal2017("KAZ", "KAZ-1").setSubmittedAt(at("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 10)))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setOperation("ILLEGAL-DEMO")
			.setPeriodStart(LocalDate.parse("2026-05-25"))
			.setPeriodEnd(LocalDate.parse("2026-06-05"))
			.setSubmittedAt(at("2017-06-04T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 11)))
			.build());

		assertThat(asOf("2017-06-03T12:00:00Z").getLines().get(0).getTotal()).isEqualByComparingTo("10");
		assertThat(asOf("2017-06-05T00:00:00Z").getLines()).isEmpty();
		assertThat(history().reports(null)).isEmpty();
		assertThat(history("ILLEGAL-DEMO").reports(null)).singleElement()
			.satisfies((report) -> assertThat(report.revisions()).isEqualTo(2));
	}

	private static BigDecimal sumOf(OperationHistory history, TotalsFilter filter) {
		return history.reports(null)
			.stream()
			.filter((report) -> filter.matches(report.report()))
			.flatMap((report) -> report.report().getFindings().stream())
			.filter(filter::keeps)
			.map(Finding::getQuantity)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static List<Object> normalised(TotalLine line) {
		return List.of(line.getCategory(), String.valueOf(line.getCurrency()), line.getTotal().stripTrailingZeros(),
				line.getByState().toString(), line.getByStage().toString());
	}

	private CouncilTotals asOf(String instant) {
		return Ledgers.councilTotals(history().ledgerAsOf(at(instant)), CATALOGUE);
	}

	private OperationHistory history() {
		return history(OPERATION);
	}

	private OperationHistory history(String operation) {
		KeyValueStore<ChangeKey, ReportChange> store = this.driver
			.getKeyValueStore(CouncilTotalsTopology.CHANGES_STORE);
		List<VersionedChange> changes = new ArrayList<>();
		try (KeyValueIterator<ChangeKey, ReportChange> all = store.prefixScan(ChangeKey.prefix(operation),
				ChangeKey.prefixSerializer())) {
			while (all.hasNext()) {
				KeyValue<ChangeKey, ReportChange> entry = all.next();
				changes.add(new VersionedChange(entry.key.version(), entry.value));
			}
		}
		return OperationHistory.of(operation, changes);
	}

	private OperationLedger liveLedger() {
		KeyValueStore<String, ValueAndTimestamp<OperationLedger>> store = this.driver
			.getTimestampedKeyValueStore(CouncilTotalsTopology.TOTALS_STORE);
		return store.get(OPERATION).value();
	}

	private void send(ReportRevision report) {
		this.driver
			.createInputTopic(Topics.findings(report.getState()), new ByteArraySerializer(), new ByteArraySerializer())
			.pipeInput(report.getReportId().getBytes(StandardCharsets.UTF_8),
					this.wire.reportRevisions().serializer().serialize(Topics.findings(report.getState()), report),
					report.getSubmittedAt());
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
