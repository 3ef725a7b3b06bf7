package org.jointops.aggregator.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.jointops.totals.CouncilTotals;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live-feed client that falls behind is dropped, never waited for, and cleaned up.
 */
class SubscriptionTests {

	@Test
	void dropsAClientThatFallsAWholeBufferBehindWithoutWaiting() {
		AtomicInteger ended = new AtomicInteger();
		Subscription subscription = new Subscription("ILLEGAL-2017", -1, new SseEmitter(), 2, Duration.ofSeconds(1),
				(totals) -> totals.getVersion(), ended::incrementAndGet);

		subscription.offer(totals(1));
		subscription.offer(totals(2));
		assertThat(subscription.isClosed()).as("two events fit").isFalse();
		// an offer that waited for room would wait for ever here (nobody takes from the
		// queue): a generous bound tells that apart without depending on the machine's
		// speed
		assertThat(CompletableFuture.runAsync(() -> subscription.offer(totals(3))))
			.succeedsWithin(Duration.ofSeconds(10));
		assertThat(subscription.isClosed()).as("the third does not: dropped").isTrue();

		subscription.run();
		assertThat(ended).as("its sender ends at once and frees its place").hasValue(1);
	}

	private static CouncilTotals totals(long version) {
		return new CouncilTotals("ILLEGAL-2017", version, Instant.EPOCH, 0L, List.of());
	}

}
