package org.jointops.aggregator.routing;

import org.jointops.aggregator.health.CatchUp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link RoutingInterceptor} before the queries of one operation: totals, reports,
 * completeness and summary (not the live feed, which every instance serves from
 * {@code council.totals}). Without Kafka Streams (web tests) nothing is routed; while
 * this instance catches up with the findings topics ({@link CatchUp}) neither: its
 * queries answer 503 with its progress.
 */
@Component
class RoutingWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<InstanceRouter> router;

	private final ObjectProvider<Forwarder> forwarder;

	private final ObjectProvider<CatchUp> catchUp;

	RoutingWebConfiguration(ObjectProvider<InstanceRouter> router, ObjectProvider<Forwarder> forwarder,
			ObjectProvider<CatchUp> catchUp) {
		this.router = router;
		this.forwarder = forwarder;
		this.catchUp = catchUp;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		InstanceRouter instances = this.router.getIfAvailable();
		Forwarder forwarding = this.forwarder.getIfAvailable();
		CatchUp gate = this.catchUp.getIfAvailable();
		if (instances != null && forwarding != null && gate != null) {
			registry.addInterceptor(new RoutingInterceptor(instances, forwarding, gate))
				.addPathPatterns("/api/v1/operations/{operation}/totals", "/api/v1/operations/{operation}/reports",
						"/api/v1/operations/{operation}/completeness", "/api/v1/operations/{operation}/summary");
		}
	}

}
