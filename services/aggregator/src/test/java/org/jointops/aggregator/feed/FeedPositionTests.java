package org.jointops.aggregator.feed;

import java.time.Instant;
import java.util.List;

import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the live feed: epoch first, then version.
 */
class FeedPositionTests {

	@Test
	void aLaterEpochComesAfterAnyVersionOfAnEarlierOne() {
		FeedPosition before = new FeedPosition(1_000, 14);
		FeedPosition rebuilt = new FeedPosition(2_000, 1);

		assertThat(rebuilt.isAfter(before)).isTrue();
		assertThat(before.isAfter(rebuilt)).isFalse();
	}

	@Test
	void withinAnEpochTheHigherVersionComesAfter() {
		assertThat(new FeedPosition(1_000, 15).isAfter(new FeedPosition(1_000, 14))).isTrue();
		assertThat(new FeedPosition(1_000, 14).isAfter(new FeedPosition(1_000, 14))).isFalse();
		assertThat(new FeedPosition(1_000, 13).isAfter(new FeedPosition(1_000, 14))).isFalse();
	}

	@Test
	void totalsWrittenBeforeEpochsComeBeforeAnyRebuild() {
		assertThat(new FeedPosition(1, 1).isAfter(FeedPosition.of(totals(0, 500)))).isTrue();
	}

	@Test
	void everyVersionComesAfterNothing() {
		assertThat(FeedPosition.of(totals(0, 0)).isAfter(FeedPosition.NONE)).isTrue();
	}

	@Test
	void eventIdsAreEpochDashVersionAndReadBack() {
		FeedPosition position = new FeedPosition(1_764_633_600_000L, 14);

		assertThat(position.eventId()).isEqualTo("1764633600000-14");
		assertThat(FeedPosition.parse(position.eventId())).isEqualTo(position);
	}

	@Test
	void aBareNumberIsAVersionOfEpochZeroAsIdsWereBeforeEpochs() {
		assertThat(FeedPosition.parse("14")).isEqualTo(new FeedPosition(0, 14));
	}

	@Test
	void anIdThatIsNotOfThisFeedIsNothing() {
		assertThat(FeedPosition.parse(null)).isEqualTo(FeedPosition.NONE);
		assertThat(FeedPosition.parse(" ")).isEqualTo(FeedPosition.NONE);
		assertThat(FeedPosition.parse("abc")).isEqualTo(FeedPosition.NONE);
		assertThat(FeedPosition.parse("12-x")).isEqualTo(FeedPosition.NONE);
		assertThat(FeedPosition.parse("-5")).isEqualTo(FeedPosition.NONE);
	}

	@Test
	void theFeedKeepsTheRebuiltTotalsOfALaterEpochAndIgnoresOlderOnes() {
		TotalsFeed feed = new TotalsFeed(new KafkaProperties(), WireFormat.singleObject());
		feed.publish(totals(1_000, 14));
		feed.publish(totals(2_000, 1));
		feed.publish(totals(1_000, 15));

		assertThat(feed.latest("ILLEGAL-2017")).hasValueSatisfying((latest) -> {
			assertThat(latest.getEpoch()).isEqualTo(2_000);
			assertThat(latest.getVersion()).isEqualTo(1);
		});
	}

	private static CouncilTotals totals(long epoch, long version) {
		return new CouncilTotals("ILLEGAL-2017", version, Instant.EPOCH, 0L, List.of(), epoch);
	}

}
