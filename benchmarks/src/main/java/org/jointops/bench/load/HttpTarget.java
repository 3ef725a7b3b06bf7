package org.jointops.bench.load;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Where requests go and with which credentials.
 *
 * @param host host name or address, e.g. {@code 127.0.0.1}
 * @param port TCP port
 * @param authorization the {@code Authorization} header's value, or null for none
 */
public record HttpTarget(String host, int port, String authorization) {

	InetSocketAddress address() {
		return new InetSocketAddress(this.host, this.port);
	}

	/**
	 * A POST to this target, encoded once, ready to be written to a socket.
	 * @param path the path and query, e.g. {@code /api/v1/reports?dryRun=true}
	 * @param contentType the body's media type
	 * @param body the body
	 * @return the request's bytes
	 */
	public byte[] post(String path, String contentType, byte[] body) {
		StringBuilder head = new StringBuilder(256).append("POST ")
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.host)
			.append(':')
			.append(this.port)
			.append("\r\n");
		if (this.authorization != null) {
			head.append("Authorization: ").append(this.authorization).append("\r\n");
		}
		head.append("Content-Type: ")
			.append(contentType)
			.append("\r\nAccept: application/json\r\nContent-Length: ")
			.append(body.length)
			.append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(body, 0, request, headBytes.length, body.length);
		return request;
	}

}
