package org.jointops.testsupport.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every exchange the MockMvc tests of this test run made, for the API contract test that
 * runs after them in the same JVM.
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
		String contentType = response.getContentType();
		String mediaType = (contentType != null && !contentType.isBlank())
				? MediaType.parseMediaType(contentType).getType() + "/"
						+ MediaType.parseMediaType(contentType).getSubtype()
				: null;
		EXCHANGES.add(new Exchange(result.getRequest().getMethod(), result.getRequest().getRequestURI(),
				response.getStatus(), mediaType));
	}

	/**
	 * Every exchange recorded so far, in no particular order.
	 * @return the exchanges
	 */
	public static List<Exchange> all() {
		return List.copyOf(EXCHANGES);
	}

}
