package org.jointops.aggregator.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.aggregator.ledger.HistoryPrunedException;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.topology.CouncilTotalsTopology;
import org.jointops.catalogue.Catalogue;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportEntry;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topics;

/**
 * Ledgers kept by the real topology on a {@link TopologyTestDriver} (no broker), read as
 * the service reads them: for web and summary tests that need figures behind the API.
 */
public class DrivenLedgers implements LedgerStore, AutoCloseable {

	/** How long the driven topology keeps a quiet operation's history. */
	public static final Duration RETENTION = Duration.ofDays(30);

	private final CurrentCatalogue catalogue;

	private final WireFormat wire = WireFormat.singleObject();

	private TopologyTestDriver driver;

	private LedgerReader reader;

	private boolean unavailable;

	private CatchUp.Lag catchingUp;

	/**
	 * Creates the ledgers of an empty topology.
	 * @param catalogue the catalogue the topology checks reports against
	 */
	public DrivenLedgers(Catalogue catalogue) {
		this.catalogue = CurrentCatalogue.fixed(catalogue);
		clear();
	}

	/**
	 * Sends a revision through the topology, as a producer would.
	 * @param report the revision
	 */
	public void record(ReportRevision report) {
		String topic = Topics.findings(report.getState());
		this.driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
			.pipeInput(report.getReportId().getBytes(StandardCharsets.UTF_8),
					this.wire.reportRevisions().serializer().serialize(topic, report), report.getSubmittedAt());
	}

	/** Lets the wall clock pass the retention, so that quiet histories are pruned. */
	public void pruneQuietHistories() {
		this.driver.advanceWallClockTime(RETENTION.plusHours(2));
	}

	/** From now on, every read fails as while Kafka Streams restores. */
	public void makeUnavailable() {
		this.unavailable = true;
	}

	/**
	 * From now on, every read fails as while the aggregator catches up with the findings
	 * topics.
	 * @param lag how far behind it is
	 */
	public void makeCatchingUp(CatchUp.Lag lag) {
		this.catchingUp = lag;
	}

	/** Starts again with no reports. */
	public final void clear() {
		close();
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, this.catalogue, Duration.ZERO, this.wire.reportRevisions(),
				this.wire.councilTotals(), 3, new HistoryProperties(RETENTION, 1000));
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "driven-ledgers");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory().toString());
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties);
		this.driver = driver;
		this.reader = new LedgerReader(() -> driver.getKeyValueStore(LedgerStores.LEDGER));
		this.unavailable = false;
		this.catchingUp = null;
	}

	@Override
	public Optional<OperationLedger> ledger(String operation) {
		return read(() -> this.reader.ledger(operation));
	}

	@Override
	public List<OperationState> operations() {
		return read(this.reader::operations);
	}

	@Override
	public OperationLedger ledgerAsOf(String operation, Instant asOf) {
		return read(() -> this.reader.ledgerAsOf(operation, asOf));
	}

	@Override
	public List<ReportEntry> reports(String operation, Instant asOf) {
		return read(() -> this.reader.reports(operation, asOf));
	}

	@Override
	public Map<ActivityKey, Activity> activity(String operation) {
		return read(() -> this.reader.activity(operation));
	}

	private <T> T read(Supplier<T> read) {
		if (this.catchingUp != null) {
			throw new CatchingUpException(this.catchingUp);
		}
		if (this.unavailable) {
			throw new TotalsUnavailableException("The totals are being restored", null);
		}
		try {
			return read.get();
		}
		catch (HistoryPrunedException ex) {
			throw new HistoryUnavailableException(ex.getMessage());
		}
	}

	@Override
	public final void close() {
		if (this.driver != null) {
			this.driver.close();
			this.driver = null;
		}
	}

	private static Path stateDirectory() {
		try {
			Files.createDirectories(Path.of("target", "driven-ledgers"));
			return Files.createTempDirectory(Path.of("target", "driven-ledgers"), "state-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
