package org.jointops.aggregator.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The secretariat's dashboard: a static page ({@code static/dashboard/}) that reads the
 * API and follows the live feed, with Chart.js from its WebJar. Everything it loads comes
 * from this server. {@code /} and {@code /dashboard} lead to it.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

	/** Where the dashboard is. */
	static final String PATH = "/dashboard/";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", PATH);
		registry.addRedirectViewController("/dashboard", PATH);
		registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
	}

}
