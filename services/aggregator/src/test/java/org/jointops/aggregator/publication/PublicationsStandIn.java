package org.jointops.aggregator.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jointops.aggregator.approval.RegisterStandIn;
import org.jointops.register.FigureStatus;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The publications for web tests, without Kafka: registers and snapshots held in memory
 * ({@link Published}), which a test fills with {@link Published#publish}; the writes and
 * the feed are tested on a real broker ({@code PublicationIntegrationTests}).
 */
@TestConfiguration
public class PublicationsStandIn {

	@Bean
	Published publishedStandIn(RegisterStandIn registers) {
		return new Published(registers);
	}

	@Bean
	Publications publications(RegisterStandIn registers, Published published, CurrentCatalogue catalogue) {
		return new Publications(registers, published, catalogue, Duration.ZERO);
	}

	@Bean
	Publisher publisher() {
		return Mockito.mock(Publisher.class);
	}

	@Bean
	PublicationFeed publicationFeed() {
		return Mockito.mock(PublicationFeed.class);
	}

	/**
	 * Registers and snapshots in memory.
	 */
	public static class Published implements SnapshotStore {

		private final RegisterStandIn registers;

		private final Map<String, PublishedFigures> snapshots = new ConcurrentHashMap<>();

		Published(RegisterStandIn registers) {
			this.registers = registers;
		}

		/**
		 * Publishes totals, as the secretariat would.
		 * @param totals the totals
		 * @param at when
		 * @param status their status
		 * @return the publication's number
		 */
		public int publish(CouncilTotals totals, Instant at, FigureStatus status) {
			RegisterDocument register = this.registers.of(totals.getOperation());
			int number = register.nextPublicationNumber();
			String key = totals.getOperation() + "/" + number + "/test";
			this.snapshots.put(key, new PublishedFigures(totals.getOperation(), number, at, "secretariat",
					status.name(), totals, register.toJson(), ""));
			this.registers.set(register
				.withPublication(new PublicationEntry(number, at, "secretariat", status, key, totals.getVersion())));
			return number;
		}

		/** Forgets every publication (and every register). */
		public void clear() {
			this.registers.clear();
			this.snapshots.clear();
		}

		@Override
		public boolean awaitRead(long offset, Duration wait) {
			return true;
		}

		@Override
		public Optional<PublishedFigures> find(String key, Duration wait) {
			return Optional.ofNullable(this.snapshots.get(key));
		}

	}

}
