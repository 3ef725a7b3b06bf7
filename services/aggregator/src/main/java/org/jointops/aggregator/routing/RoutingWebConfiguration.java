package org.jointops.aggregator.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link RoutingInterceptor} before the queries of one operation: totals, reports,
 * completeness and summary (not the live feed, which every instance serves from
 * {@code council.totals}). Without Kafka Streams (web tests) nothing is routed.
 */
@Component
class RoutingWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<InstanceRouter> router;

	private final ObjectProvider<Forwarder> forwarder;

	RoutingWebConfiguration(ObjectProvider<InstanceRouter> router, ObjectProvider<Forwarder> forwarder) {
		this.router = router;
		this.forwarder = forwarder;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		InstanceRouter instances = this.router.getIfAvailable();
		Forwarder forwarding = this.forwarder.getIfAvailable();
		if (instances != null && forwarding != null) {
			registry.addInterceptor(new RoutingInterceptor(instances, forwarding))
				.addPathPatterns("/api/v1/operations/{operation}/totals", "/api/v1/operations/{operation}/reports",
						"/api/v1/operations/{operation}/completeness", "/api/v1/operations/{operation}/summary");
		}
	}

}
