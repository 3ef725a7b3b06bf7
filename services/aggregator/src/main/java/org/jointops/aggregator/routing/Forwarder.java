package org.jointops.aggregator.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.ledger.OperationState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Asks another aggregator instance over HTTP, as the caller: the same path, query string,
 * {@code Accept} and {@code Authorization}, marked {@link RoutingHeaders#FORWARDED_BY} so
 * that it is never forwarded again.
 * <p>
 * Every instance is configured alike: when this one serves HTTPS ({@code server.ssl},
 * e.g. {@code server.ssl.bundle}), the others are asked over HTTPS too, trusting the
 * trust store of this instance's own SSL bundle (the CA of {@code ./jointops-certs}; the
 * JDK's when the bundle has none) and checking that the other's certificate names the
 * address it advertises ({@code jointops.advertised-host}).
 */
@Component
class Forwarder {

	/** The response headers of a forwarded answer that are passed on to the caller. */
	static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE,
			HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.VARY, HttpHeaders.RETRY_AFTER, HttpHeaders.CACHE_CONTROL,
			RoutingHeaders.SERVED_BY, RoutingHeaders.STANDBY_LAG);

	private static final List<String> ASKED_WITH = List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION,
			HttpHeaders.ACCEPT_LANGUAGE);

	private final HttpClient client;

	private final Duration timeout;

	private final JsonMapper json;

	private final String scheme;

	Forwarder(InstancesProperties instances, JsonMapper json, ServerProperties server,
			ObjectProvider<SslBundles> bundles) {
		this.timeout = instances.forwardTimeout();
		this.json = json;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER);
		Ssl ssl = server.getSsl();
		if (Ssl.isEnabled(ssl)) {
			this.scheme = "https";
			builder.sslContext(WebServerSslBundle.get(ssl, bundles.getIfAvailable()).createSslContext());
		}
		else {
			this.scheme = "http";
		}
		this.client = builder.build();
	}

	/**
	 * How the other instances are asked.
	 * @return {@code https} when this instance serves HTTPS, else {@code http}
	 */
	String scheme() {
		return this.scheme;
	}

	/**
	 * Forwards a query to the instance that holds its operation.
	 * @param target that instance
	 * @param request the caller's request
	 * @param self this instance's address
	 * @return its answer, empty if it did not answer in time
	 */
	Optional<HttpResponse<byte[]>> forward(HostInfo target, HttpServletRequest request, HostInfo self) {
		String query = request.getQueryString();
		URI uri = URI.create(this.scheme + "://" + Routing.address(target) + request.getRequestURI()
				+ ((query != null) ? "?" + query : ""));
		HttpRequest.Builder forwarded = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header(RoutingHeaders.FORWARDED_BY, Routing.address(self))
			.GET();
		for (String name : ASKED_WITH) {
			String value = request.getHeader(name);
			if (value != null) {
				forwarded.header(name, value);
			}
		}
		try {
			return Optional.of(this.client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * The operations whose active ledger partitions another instance holds.
	 * @param target the instance
	 * @param authorization the caller's {@code Authorization} header, or null
	 * @param self this instance's address
	 * @return their states (operation, version, reports, last change)
	 * @throws TotalsUnavailableException if the instance does not answer them
	 */
	List<OperationState> operations(HostInfo target, String authorization, HostInfo self) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.scheme + "://" + Routing.address(target) + "/api/v1/operations"))
			.timeout(this.timeout)
			.header(RoutingHeaders.FORWARDED_BY, Routing.address(self))
			.header(HttpHeaders.ACCEPT, "application/json")
			.GET();
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw unavailable(target, "does not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(target, "was not asked (interrupted)", ex);
		}
		if (response.statusCode() != 200) {
			throw unavailable(target, "answers " + response.statusCode(), null);
		}
		try {
			List<OperationState> operations = new ArrayList<>();
			for (JsonNode entry : this.json.readTree(response.body()).path("operations")) {
				operations.add(OperationState.newBuilder()
					.setOperation(entry.path("operation").asString())
					.setVersion(entry.path("version").asLong())
					.setReports(entry.path("reports").asLong())
					.setUpdatedAt(Instant.parse(entry.path("updatedAt").asString()))
					.build());
			}
			return operations;
		}
		catch (RuntimeException ex) {
			throw unavailable(target, "answers what is not a list of operations", ex);
		}
	}

	private static TotalsUnavailableException unavailable(HostInfo target, String what, Exception cause) {
		return new TotalsUnavailableException("The list of operations is incomplete right now: the aggregator "
				+ "instance at " + Routing.address(target) + " that holds some of them " + what + "; retry shortly",
				cause);
	}

}
