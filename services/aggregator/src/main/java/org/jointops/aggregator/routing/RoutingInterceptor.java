package org.jointops.aggregator.routing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.aggregator.security.ReaderAccess;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Routes each query of one operation before its controller runs: answered here (active
 * store, or standby replica with {@link RoutingHeaders#STANDBY_LAG}), forwarded to the
 * instance that holds the operation (its answer passed on as it is), or, when that one
 * does not answer and no replica is here, or this instance holds it but the group
 * coordinator has not confirmed so lately, to an instance that holds a standby replica of
 * it; 503 when none can answer.
 */
class RoutingInterceptor implements HandlerInterceptor {

	private final InstanceRouter router;

	private final Forwarder forwarder;

	private final CatchUp catchUp;

	RoutingInterceptor(InstanceRouter router, Forwarder forwarder, CatchUp catchUp) {
		this.router = router;
		this.forwarder = forwarder;
		this.catchUp = catchUp;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String operation = (variables != null) ? variables.get("operation") : null;
		if (ReaderAccess.readsPublishedFiguresOnly()) {
			// an observer reads published snapshots, which every instance has
			return true;
		}
		if (operation == null || this.catchUp.lag().isPresent()) {
			// while this instance catches up, its queries answer 503 with its progress
			return true;
		}
		InstanceRouter.Placement placement = this.router.place(operation,
				request.getHeader(RoutingHeaders.FORWARDED_BY));
		Route route = placement.route();
		if (route.kind() == Route.Kind.FORWARD) {
			Optional<HttpResponse<byte[]>> answer = this.forwarder.forward(route.target(), request, this.router.self());
			if (answer.isPresent() && answer.get().statusCode() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
				passOn(answer.get(), response);
				return false;
			}
			route = Routing.afterFailedForward(placement.situation());
			if (placement.situation().mayAskStandbys(route)) {
				Optional<HttpResponse<byte[]>> fromStandby = askStandbys(placement, request);
				if (fromStandby.isPresent()) {
					passOn(fromStandby.get(), response);
					return false;
				}
			}
			if (route.kind() == Route.Kind.UNAVAILABLE && answer.isPresent()) {
				passOn(answer.get(), response);
				return false;
			}
		}
		if (placement.situation().unconfirmedHolder() && placement.situation().mayAskStandbys(route)) {
			// this instance may have been cut off: an instance with a standby replica
			// answers
			Optional<HttpResponse<byte[]>> fromStandby = askStandbys(placement, request);
			if (fromStandby.isPresent()) {
				passOn(fromStandby.get(), response);
				return false;
			}
		}
		if (route.kind() == Route.Kind.UNAVAILABLE) {
			throw new TotalsUnavailableException(
					"The totals cannot be read right now: " + route.reason() + "; retry shortly", null);
		}
		RoutedRead read = this.router.read(placement, route);
		request.setAttribute(RoutedRead.ATTRIBUTE, read);
		response.setHeader(RoutingHeaders.SERVED_BY, Routing.address(this.router.self()));
		if (read.standby()) {
			response.setHeader(RoutingHeaders.STANDBY_LAG, String.valueOf(read.lag()));
		}
		return true;
	}

	/**
	 * Forwards the query to the instances that hold a standby replica of the operation,
	 * one after the other: each answers from its replica (a forwarded query goes no
	 * further), with its lag.
	 * @param placement where the operation is
	 * @param request the query
	 * @return the first answer other than 503
	 */
	private Optional<HttpResponse<byte[]>> askStandbys(InstanceRouter.Placement placement, HttpServletRequest request) {
		for (HostInfo standby : placement.standbys()) {
			Optional<HttpResponse<byte[]>> answer = this.forwarder.forward(standby, request, this.router.self());
			if (answer.isPresent() && answer.get().statusCode() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	private static void passOn(HttpResponse<byte[]> answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.statusCode());
		for (String name : Forwarder.PASSED_ON) {
			answer.headers().firstValue(name).ifPresent((value) -> response.setHeader(name, value));
		}
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
		response.flushBuffer();
	}

}
