package org.jointops.bench.load;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading responses from the bytes received so far.
 */
class HttpResponsesTests {

	@Test
	void aResponseWithContentLengthIsWholeOnceItsBodyHasArrived() {
		byte[] bytes = bytes(
				"HTTP/1.1 202 \r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");

		assertThat(HttpResponses.parse(bytes, bytes.length - 1, true)).isNull();
		HttpResponses.Response response = HttpResponses.parse(bytes, bytes.length, true);
		assertThat(response.status()).isEqualTo(202);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
		assertThat(response.close()).isFalse();
	}

	@Test
	void aChunkedResponseIsWholeAfterItsLastChunkAndIsDechunked() {
		byte[] bytes = bytes("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ "5\r\n{\"acc\r\nb;ext=1\r\nepted\":100}\r\n0\r\n\r\n");

		assertThat(HttpResponses.parse(bytes, bytes.length - 2, true)).isNull();
		HttpResponses.Response response = HttpResponses.parse(bytes, bytes.length, true);
		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"accepted\":100}");
		assertThat(response.close()).isTrue();
	}

	@Test
	void headersThatHaveNotAllArrivedAreNotAResponseYet() {
		byte[] bytes = bytes("HTTP/1.1 202 \r\nContent-Length: 0\r\n");

		assertThat(HttpResponses.parse(bytes, bytes.length, false)).isNull();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
