package org.jointops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jointops.testsupport.api.ObservedExchanges;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls from tests, with the JDK's client. Every exchange is recorded for the
 * API contract tests ({@link ObservedExchanges}).
 */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Decimals are read as BigDecimal, so that tests compare exact figures. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** No call in a test waits longer than this for its answer. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private Http() {
	}

	public static Response postJson(String url, String json) {
		return post(url, "application/json", json, REQUEST_TIMEOUT);
	}

	/**
	 * Posts JSON as a client that gives up after a while.
	 * @param url where
	 * @param json the body
	 * @param patience how long the client waits for the answer; longer fails the call
	 * @return the answer
	 */
	public static Response postJson(String url, String json, Duration patience) {
		return post(url, "application/json", json, patience);
	}

	public static Response post(String url, String contentType, String body, Duration patience) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(patience)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts JSON with a bearer token.
	 * @param token the token
	 * @param url where
	 * @param json the body
	 * @return the answer
	 */
	public static Response postJsonWith(String token, String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Posts JSON as an agency, with its test token ({@link Credentials}).
	 * @param agency the agency code, e.g. {@code INTERIOR}
	 * @param url where
	 * @param json the body
	 * @return the answer
	 */
	public static Response postJsonAs(String agency, String url, String json) {
		return postAs(agency, url, "application/json", json, REQUEST_TIMEOUT);
	}

	/**
	 * Posts as an agency, with its test token ({@link Credentials}).
	 * @param agency the agency code
	 * @param url where
	 * @param contentType the Content-Type header
	 * @param body the body
	 * @param patience how long the client waits for the answer
	 * @return the answer
	 */
	public static Response postAs(String agency, String url, String contentType, String body, Duration patience) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(patience)
			.header("Content-Type", contentType)
			.header("Authorization", Credentials.bearer(agency))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts raw bytes as an agency.
	 * @param agency the agency code
	 * @param url where
	 * @param contentType the Content-Type header
	 * @param body the bytes
	 * @return the answer
	 */
	public static Response postAs(String agency, String url, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", contentType)
			.header("Authorization", Credentials.bearer(agency))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	/**
	 * Posts raw bytes, e.g. a body that is not valid UTF-8.
	 * @param url where
	 * @param contentType the Content-Type header
	 * @param body the bytes
	 * @return the answer
	 */
	public static Response post(String url, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	public static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	/**
	 * Gets JSON with a bearer token.
	 * @param token the token
	 * @param url where
	 * @return the answer
	 */
	public static Response getWith(String token, String url) {
		return getWith(token, url, "application/json");
	}

	/**
	 * Gets with a bearer token.
	 * @param token the token
	 * @param url where
	 * @param accept the Accept header, e.g. {@code text/plain}
	 * @return the answer
	 */
	public static Response getWith(String token, String url, String accept) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", accept)
			.header("Authorization", "Bearer " + token)
			.GET()
			.build());
	}

	/**
	 * Gets a binary document (a PDF, a workbook) with a bearer token.
	 * @param token the token
	 * @param url where
	 * @param accept the Accept header, e.g. {@code application/pdf}
	 * @return the answer, its body as bytes
	 */
	public static Document getDocumentWith(String token, String url, String accept) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", accept)
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			ObservedExchanges.record(request.method(), request.uri().getRawPath(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null));
			return new Document(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Gets JSON as a reader of the aggregator, with its test token ({@link Credentials}).
	 * @param reader e.g. {@link Credentials#SECRETARIAT}
	 * @param url where
	 * @return the answer
	 */
	public static Response getAs(String reader, String url) {
		return getWith(Credentials.readerToken(reader), url);
	}

	/**
	 * Any method with a JSON body (or none), e.g. the admin API's PUTs.
	 * @param token a bearer token, or null for none
	 * @param method e.g. {@code PUT}
	 * @param url where
	 * @param json the body, or null for none
	 * @param headers further headers, name then value
	 * @return the answer
	 */
	public static Response requestWith(String token, String method, String url, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			ObservedExchanges.record(request.method(), request.uri().getRawPath(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer with a binary body.
	 *
	 * @param status status code
	 * @param headers response headers
	 * @param body body as bytes
	 */
	public record Document(int status, java.net.http.HttpHeaders headers, byte[] body) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	/**
	 * An HTTP answer.
	 *
	 * @param status status code
	 * @param headers response headers
	 * @param body body as text
	 */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
