package org.jointops.testsupport.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every exchange the tests of this test run made, with MockMvc or over real HTTP
 * ({@code Http}), for the API contract test that runs after them in the same JVM.
 */
public final class ObservedExchanges {

	private static final Set<Exchange> EXCHANGES = ConcurrentHashMap.newKeySet();

	private ObservedExchanges() {
	}

	/**
	 * Records one exchange (a MockMvc result handler).
	 * @param result the request and its answer
	 */
	public static void record(MvcResult result) {
		MockHttpServletResponse response = result.getResponse();
		record(result.getRequest().getMethod(), result.getRequest().getRequestURI(), response.getStatus(),
				response.getContentType());
	}

	/**
	 * Records one exchange made over real HTTP.
	 * @param method the HTTP method
	 * @param path the path asked for, without the query
	 * @param status the status answered
	 * @param contentType the answer's {@code Content-Type}, or null
	 */
	public static void record(String method, String path, int status, String contentType) {
		String mediaType = null;
		if (contentType != null && !contentType.isBlank()) {
			MediaType parsed = MediaType.parseMediaType(contentType);
			mediaType = parsed.getType() + "/" + parsed.getSubtype();
		}
		EXCHANGES.add(new Exchange(method, path, status, mediaType));
	}

	/**
	 * Every exchange recorded so far, in no particular order.
	 * @return the exchanges
	 */
	public static List<Exchange> all() {
		return List.copyOf(EXCHANGES);
	}

}
