package org.jointops.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demonstration's HTTP calls: JSON in and out, a bearer token each, exact decimals.
 */
final class DemoClient {

	/** Decimals are read as BigDecimal, so that figures stay exact. */
	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http;

	DemoClient(HttpClient http) {
		this.http = http;
	}

	HttpResponse<String> get(String url, String token) {
		return send(request(url, token).GET().build());
	}

	HttpResponse<String> post(String url, JsonNode body, String token) {
		return send(request(url, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	HttpResponse<String> put(String url, JsonNode body, String token) {
		return send(request(url, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	static JsonNode json(HttpResponse<String> response) {
		String body = response.body();
		return (body == null || body.isBlank()) ? JSON.createObjectNode() : JSON.readTree(body);
	}

	private static HttpRequest.Builder request(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
