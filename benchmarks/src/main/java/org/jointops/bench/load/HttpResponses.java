package org.jointops.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 response from the bytes received so far: status line, the headers
 * that frame the body ({@code Content-Length}, {@code Transfer-Encoding: chunked}) and
 * {@code Connection: close}.
 */
final class HttpResponses {

	private static final byte[] NO_BODY = new byte[0];

	private HttpResponses() {
	}

	/**
	 * The response at the start of the buffer, if it has arrived whole.
	 * @param buffer bytes received
	 * @param length how many of them
	 * @param keepBody whether to copy the body out
	 * @return the response, or null while it is incomplete
	 */
	static Response parse(byte[] buffer, int length, boolean keepBody) {
		int headerEnd = indexOf(buffer, 0, length, "\r\n\r\n");
		if (headerEnd < 0) {
			return null;
		}
		String head = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.contains("chunked");
				case "connection" -> close = value.contains("close");
				default -> {
				}
			}
		}
		int bodyStart = headerEnd + 4;
		if (chunked) {
			return chunked(buffer, length, bodyStart, status, close, keepBody);
		}
		if (contentLength < 0) {
			// 1xx, 204 and 304 have no body; Tomcat frames every other one
			return new Response(status, NO_BODY, close);
		}
		if (bodyStart + contentLength > length) {
			return null;
		}
		byte[] body = keepBody ? Arrays.copyOfRange(buffer, bodyStart, bodyStart + (int) contentLength) : NO_BODY;
		return new Response(status, body, close);
	}

	private static Response chunked(byte[] buffer, int length, int start, int status, boolean close, boolean keepBody) {
		ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
		int position = start;
		while (true) {
			int lineEnd = indexOf(buffer, position, length, "\r\n");
			if (lineEnd < 0) {
				return null;
			}
			String sizeLine = new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int extension = sizeLine.indexOf(';');
			int size = Integer.parseInt(((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
			position = lineEnd + 2;
			if (size == 0) {
				// trailers, then an empty line
				while (true) {
					int trailerEnd = indexOf(buffer, position, length, "\r\n");
					if (trailerEnd < 0) {
						return null;
					}
					boolean empty = trailerEnd == position;
					position = trailerEnd + 2;
					if (empty) {
						return new Response(status, keepBody ? body.toByteArray() : NO_BODY, close);
					}
				}
			}
			if (position + size + 2 > length) {
				return null;
			}
			if (keepBody) {
				body.write(buffer, position, size);
			}
			position += size + 2;
		}
	}

	private static int indexOf(byte[] buffer, int from, int length, String marker) {
		byte[] bytes = marker.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = from; i <= length - bytes.length; i++) {
			for (int j = 0; j < bytes.length; j++) {
				if (buffer[i + j] != bytes[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * A whole response.
	 *
	 * @param status status code
	 * @param body body, de-chunked, or empty if not kept
	 * @param close whether the server closes the connection after it
	 */
	record Response(int status, byte[] body, boolean close) {

	}

}
