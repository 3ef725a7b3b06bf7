package org.jointops.aggregator.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jointops.aggregator.topology.CouncilTotalsTopology;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.ledger.Activity;
import org.jointops.ledger.LedgerCell;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportEntry;
import org.jointops.ledger.ReportTally;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
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
 * The ledger at an instant, the reports behind it and who submitted when, read from the
 * stores the topology keeps, against an independent fold of the revisions sent.
 */
class LedgerReaderTests {

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	private static final String OPERATION = "ILLEGAL-2017";

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final int CHECKPOINT_INTERVAL = 10;

	private static final Duration RETENTION = Duration.ofDays(30);

	@TempDir
	Path stateDir;

	private final WireFormat wire = WireFormat.singleObject();

	private final AtomicInteger changeLogReads = new AtomicInteger();

	private TopologyTestDriver driver;

	private LedgerReader reader;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, CurrentCatalogue.fixed(CATALOGUE), Duration.ZERO,
				this.wire.reportRevisions(), this.wire.councilTotals(), 3,
				new HistoryProperties(RETENTION, CHECKPOINT_INTERVAL));
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-reader-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), properties);
		this.reader = new LedgerReader(() -> countingChangeLogReads(this.driver.getKeyValueStore(LedgerStores.LEDGER)));
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
	void listsTheReportsEachAtItsStandingRevisionNowAndAtAnInstant() {
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

		assertThat(counting(null))
			.extracting((r) -> r.getStanding().getReportId(), (r) -> r.getStanding().getRevision(),
					ReportEntry::getRevisions)
			.containsExactly(tuple("KAZ-1", 4, 3), tuple("RUS-1", 1, 1));
		assertThat(counting(at("2017-06-04T12:00:00Z"))).as("on 4 June KAZ-1 stood withdrawn")
			.extracting((r) -> r.getStanding().getReportId())
			.containsExactly("RUS-1");
		assertThat(counting(at("2017-06-03T12:30:00Z")))
			.extracting((r) -> r.getStanding().getReportId(), (r) -> r.getStanding().getRevision())
			.containsExactly(tuple("KAZ-1", 1), tuple("RUS-1", 1));
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
		assertThat(counting(null)).isEmpty();
		assertThat(this.reader.reports("ILLEGAL-DEMO", null)).singleElement()
			.satisfies((report) -> assertThat(report.getRevisions()).isEqualTo(2));
	}

	@Test
	void theLedgerAtEveryInstantEqualsAnIndependentFoldAcrossCheckpointsAndLateRevisions() {
		Oracle oracle = new Oracle();
		Random random = new Random(20170603);
		Instant start = at("2017-06-03T00:00:00Z");
		List<String> states = List.of("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK");
		Map<String, Integer> revisions = new HashMap<>();
		for (int i = 0; i < 300; i++) {
			String state = states.get(random.nextInt(states.size()));
			String id = state + "-" + random.nextInt(40);
			int revision = revisions.merge(id, 1 + random.nextInt(2), Integer::sum);
			if (random.nextInt(10) == 0) {
				revision -= 2; // an older revision arriving late: ignored
			}
			// mostly in time order, one in five submitted earlier than the one before it
			long minute = i * 10L - ((random.nextInt(5) == 0) ? random.nextInt(600) : 0);
			ReportRevision.Builder report = ((random.nextBoolean()) ? illegal2017(state, id)
					: illegal2017Stage2(state, id))
				.setRevision(Math.max(1, revision))
				.setSubmittedAt(start.plus(Duration.ofMinutes(minute)))
				.setFindings(List.of(count(VIOLATIONS, random.nextInt(1000)),
						money("FINES_IMPOSED", random.nextInt(100000) + ".25", random.nextBoolean() ? "USD" : "KZT")));
			if (random.nextInt(8) == 0) {
				report.setWithdrawn(true).setFindings(List.of());
			}
			send(report.build());
			oracle.accept(report.build());
		}

		assertThat(entries(LedgerStores.CHECKPOINTS)).as("checkpoints were taken").isGreaterThanOrEqualTo(3);
		int slots = (int) this.reader.operation(OPERATION).orElseThrow().getSlots();
		Instant end = start.plus(Duration.ofMinutes(3000));
		for (Instant instant = start.minus(Duration.ofHours(2)); instant
			.isBefore(end); instant = instant.plus(Duration.ofMinutes(37))) {
			this.changeLogReads.set(0);
			OperationLedger ledger = this.reader.ledgerAsOf(OPERATION, instant);
			assertThat(cells(ledger)).as("cells at %s", instant).isEqualTo(oracle.cellsAt(instant));
			assertThat(reports(ledger)).as("reports at %s", instant).isEqualTo(oracle.reportsAt(instant));
			assertThat(this.changeLogReads.get()).as("changes folded at %s", instant)
				.isLessThanOrEqualTo(2 * Math.max(CHECKPOINT_INTERVAL, slots));
			assertThat(counting(instant)).as("reports behind the totals at %s", instant)
				.hasSize((int) oracle.reportsAt(instant).values().stream().mapToLong(Long::longValue).sum());
		}
		assertThat(cells(this.reader.ledger(OPERATION).orElseThrow())).as("now").isEqualTo(oracle.cellsAt(end));
	}

	@Test
	void keepsWhoSubmittedOnEachStageAndWhen() {
		send(illegal2017("KAZ", "KAZ-1").setSubmittedAt(at("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 1)))
			.build());
		send(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setWithdrawn(true)
			.setSubmittedAt(at("2017-06-06T08:00:00Z"))
			.build());
		send(illegal2017("KAZ", "KAZ-2").setSubmittedAt(at("2017-06-04T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 1)))
			.build());
		send(illegal2017Stage2("RUS", "RUS-1").setAgency("MIGRATION")
			.setSubmittedAt(at("2017-10-03T08:00:00Z"))
			.setFindings(List.of(count(VIOLATIONS, 1)))
			.build());

		assertThat(this.reader.activity(OPERATION)).containsExactly(
				Map.entry(new ActivityKey(OPERATION, 1, "KAZ", "INTERIOR"),
						new Activity(at("2017-06-03T08:00:00Z"), at("2017-06-06T08:00:00Z"), 3L)),
				Map.entry(new ActivityKey(OPERATION, 2, "RUS", "MIGRATION"),
						new Activity(at("2017-10-03T08:00:00Z"), at("2017-10-03T08:00:00Z"), 1L)));
	}

	@Test
	void prunesTheHistoryOfAnOperationQuietForLongerThanTheRetention() {
		Instant last = sendThirtyReportsAMinuteApart();
		OperationLedger before = this.reader.ledgerAsOf(OPERATION, last);

		this.driver.advanceWallClockTime(RETENTION.plusHours(2));

		assertThat(this.reader.operation(OPERATION).orElseThrow().getHistoryFrom()).isEqualTo(last);
		assertThatExceptionOfType(HistoryPrunedException.class)
			.isThrownBy(() -> this.reader.ledgerAsOf(OPERATION, last.minusSeconds(1)));
		assertThat(this.reader.ledgerAsOf(OPERATION, last)).isEqualTo(before);
		assertThat(entries(LedgerStores.CHANGE_LOG)).isZero();
		assertThat(entries(LedgerStores.CHECKPOINTS)).isEqualTo(1);

		send(illegal2017("KAZ", "KAZ-0").setRevision(2)
			.setSubmittedAt(last.plusSeconds(3600))
			.setFindings(List.of(count(VIOLATIONS, 5)))
			.build());
		assertThat(counting(last)).as("KAZ-0 stood at revision 1 when the history was pruned")
			.filteredOn((entry) -> entry.getStanding().getReportId().equals("KAZ-0"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.getStanding().getRevision()).isEqualTo(1));
		assertThat(this.reader.ledgerAsOf(OPERATION, last.plusSeconds(3600)).getCells()).singleElement()
			.satisfies((cell) -> assertThat(cell.getQuantity()).isEqualByComparingTo("34"));
	}

	@Test
	void prunesAgainAHistoryThatALateChangeReachedAfterItsPruning() {
		Instant last = sendThirtyReportsAMinuteApart();
		this.driver.advanceWallClockTime(RETENTION.plusHours(2));
		assertThat(entries(LedgerStores.CHANGE_LOG)).isZero();

		send(illegal2017("RUS", "RUS-LATE").setSubmittedAt(last.minusSeconds(3600))
			.setFindings(List.of(count(VIOLATIONS, 4)))
			.build());
		assertThat(entries(LedgerStores.CHANGE_LOG)).as("the late change, dated before the pruning").isOne();
		assertThat(this.reader.ledgerAsOf(OPERATION, last).getCells()).extracting(LedgerCell::getQuantity)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactlyInAnyOrder(BigDecimal.valueOf(30), BigDecimal.valueOf(4));

		this.driver.advanceWallClockTime(RETENTION.plusHours(2));

		assertThat(entries(LedgerStores.CHANGE_LOG)).isZero();
		assertThat(entries(LedgerStores.CHECKPOINTS)).isEqualTo(1);
		assertThat(this.reader.operation(OPERATION).orElseThrow().getHistoryFrom()).isEqualTo(last);
		assertThat(this.reader.ledgerAsOf(OPERATION, last).getCells()).extracting(LedgerCell::getQuantity)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactlyInAnyOrder(BigDecimal.valueOf(30), BigDecimal.valueOf(4));
	}

	/*
	 * Sends 30 reports of one unit each, a minute apart, and answers the last one's time.
	 */
	private Instant sendThirtyReportsAMinuteApart() {
		Instant first = at("2017-06-03T08:00:00Z");
		for (int i = 0; i < 3 * CHECKPOINT_INTERVAL; i++) {
			send(illegal2017("KAZ", "KAZ-" + i).setSubmittedAt(first.plusSeconds(60L * i))
				.setFindings(List.of(count(VIOLATIONS, 1)))
				.build());
		}
		return first.plusSeconds(60L * (3 * CHECKPOINT_INTERVAL - 1));
	}

	private void send(ReportRevision report) {
		String topic = Topics.findings(report.getState());
		this.driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
			.pipeInput(report.getReportId().getBytes(StandardCharsets.UTF_8),
					this.wire.reportRevisions().serializer().serialize(topic, report), report.getSubmittedAt());
	}

	private CouncilTotals asOf(String instant) {
		return Ledgers.councilTotals(this.reader.ledgerAsOf(OPERATION, at(instant)), CATALOGUE);
	}

	private List<ReportEntry> counting(Instant asOf) {
		return this.reader.reports(OPERATION, asOf)
			.stream()
			.filter((entry) -> entry.getStanding() != null)
			.sorted(Comparator.comparing((ReportEntry entry) -> entry.getStanding().getState())
				.thenComparing((entry) -> entry.getStanding().getReportId()))
			.toList();
	}

	private static Map<String, BigDecimal> cells(OperationLedger ledger) {
		Map<String, BigDecimal> cells = new TreeMap<>();
		for (LedgerCell cell : ledger.getCells()) {
			cells.put(Oracle.cellKey(cell.getCategory(), cell.getCurrency(), cell.getState(), cell.getStage(),
					cell.getAgency()), cell.getQuantity().stripTrailingZeros());
		}
		return cells;
	}

	private static Map<String, Long> reports(OperationLedger ledger) {
		Map<String, Long> reports = new TreeMap<>();
		for (ReportTally tally : ledger.getTallies()) {
			reports.put(tally.getState() + "/" + tally.getStage() + "/" + tally.getAgency(), tally.getReports());
		}
		return reports;
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	private long entries(LedgerTable<?, ?> table) {
		long entries = 0;
		try (var all = table.all(this.driver.getKeyValueStore(LedgerStores.LEDGER))) {
			while (all.hasNext()) {
				all.next();
				entries++;
			}
		}
		return entries;
	}

	/**
	 * Counts the change-log entries a read goes through (they are the changes folded).
	 */
	private ReadOnlyKeyValueStore<Bytes, byte[]> countingChangeLogReads(KeyValueStore<Bytes, byte[]> store) {
		AtomicInteger reads = this.changeLogReads;
		byte[] changeLog = "C/".getBytes(StandardCharsets.UTF_8);
		return new ReadOnlyKeyValueStore<>() {

			@Override
			public byte[] get(Bytes key) {
				return store.get(key);
			}

			@Override
			public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
				KeyValueIterator<Bytes, byte[]> range = store.range(from, to);
				return new KeyValueIterator<>() {

					@Override
					public boolean hasNext() {
						return range.hasNext();
					}

					@Override
					public KeyValue<Bytes, byte[]> next() {
						KeyValue<Bytes, byte[]> next = range.next();
						if (Arrays.equals(next.key.get(), 0, changeLog.length, changeLog, 0, changeLog.length)) {
							reads.incrementAndGet();
						}
						return next;
					}

					@Override
					public void close() {
						range.close();
					}

					@Override
					public Bytes peekNextKey() {
						return range.peekNextKey();
					}

				};
			}

			@Override
			public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, S serializer) {
				return store.prefixScan(prefix, serializer);
			}

			@Override
			public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
				return store.reverseRange(from, to);
			}

			@Override
			public KeyValueIterator<Bytes, byte[]> all() {
				return store.all();
			}

			@Override
			public long approximateNumEntries() {
				return store.approximateNumEntries();
			}

		};
	}

	/**
	 * What the ledger should be at an instant, folded from the revisions sent: each
	 * report counts at the last revision accepted (a higher revision than the one
	 * standing) whose change time — its submission time, or its report's previous change
	 * time if later — is at or before the instant.
	 */
	private static final class Oracle {

		private final Map<String, List<Standing>> changes = new LinkedHashMap<>();

		void accept(ReportRevision revision) {
			String key = revision.getState() + "/" + revision.getReportId();
			List<Standing> report = this.changes.computeIfAbsent(key, (k) -> new ArrayList<>());
			Standing last = report.isEmpty() ? null : report.get(report.size() - 1);
			if (last != null && revision.getRevision() <= last.revision().getRevision()) {
				return;
			}
			Instant at = (last != null && last.at().isAfter(revision.getSubmittedAt())) ? last.at()
					: revision.getSubmittedAt();
			report.add(new Standing(revision, at));
		}

		Map<String, BigDecimal> cellsAt(Instant instant) {
			Map<String, BigDecimal> cells = new TreeMap<>();
			for (ReportRevision report : standingAt(instant)) {
				for (Finding finding : report.getFindings()) {
					cells.merge(cellKey(finding.getCategory(), finding.getCurrency(), report.getState(),
							report.getStage(), report.getAgency()), finding.getQuantity(), BigDecimal::add);
				}
			}
			cells.replaceAll((key, value) -> value.stripTrailingZeros());
			return cells;
		}

		Map<String, Long> reportsAt(Instant instant) {
			Map<String, Long> reports = new TreeMap<>();
			for (ReportRevision report : standingAt(instant)) {
				reports.merge(report.getState() + "/" + report.getStage() + "/" + report.getAgency(), 1L, Long::sum);
			}
			return reports;
		}

		private List<ReportRevision> standingAt(Instant instant) {
			List<ReportRevision> standing = new ArrayList<>();
			for (List<Standing> report : this.changes.values()) {
				ReportRevision at = null;
				for (Standing change : report) {
					if (!change.at().isAfter(instant)) {
						at = change.revision();
					}
				}
				if (at != null && !at.getWithdrawn() && at.getOperation().equals(OPERATION)) {
					standing.add(at);
				}
			}
			return standing;
		}

		static String cellKey(String category, String currency, String state, int stage, String agency) {
			return String.join("/", category, String.valueOf(currency), state, String.valueOf(stage), agency);
		}

		private record Standing(ReportRevision revision, Instant at) {
		}

	}

}
