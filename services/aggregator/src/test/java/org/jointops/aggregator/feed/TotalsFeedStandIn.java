package org.jointops.aggregator.feed;

import org.mockito.Mockito;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The live feed's controller without its Kafka consumer, for web tests that describe the
 * whole API and send it no request (the feed itself is tested on a real broker,
 * {@code TotalsFeedIntegrationTests}).
 */
@TestConfiguration
@EnableConfigurationProperties(FeedProperties.class)
public class TotalsFeedStandIn {

	@Bean
	TotalsFeed totalsFeed() {
		return Mockito.mock(TotalsFeed.class);
	}

}
