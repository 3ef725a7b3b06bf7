package org.jointops.producer.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jointops.testsupport.Credentials;

/**
 * HTTP/1.1 by hand, for what the JDK's client cannot do: declare a huge body and wait for
 * the server's verdict before sending it ({@code Expect: 100-continue}), or keep sending
 * while the server has already answered.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Posts a body and returns everything the server wrote back until it closed the
	 * connection (or stopped writing for five seconds).
	 * @param port server port on localhost
	 * @param path request path
	 * @param contentType Content-Type
	 * @param body the body
	 * @param expectContinue send {@code Expect: 100-continue} and only the headers,
	 * sending the body only after {@code 100 Continue}
	 * @return the raw answer
	 * @throws IOException if the exchange fails before any answer
	 */
	static String post(int port, String path, String contentType, byte[] body, boolean expectContinue)
			throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			String headers = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: "
					+ contentType + "\r\nAuthorization: " + Credentials.bearer("INTERIOR") + "\r\nContent-Length: "
					+ body.length + "\r\nConnection: close\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : "")
					+ "\r\n";
			out.write(headers.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			if (!expectContinue) {
				Thread writer = new Thread(() -> {
					try {
						out.write(body);
						out.flush();
					}
					catch (IOException ex) {
						// the server may close the connection once it has answered
					}
				}, "raw-http-body");
				writer.setDaemon(true);
				writer.start();
			}
			return readAll(socket.getInputStream());
		}
	}

	private static String readAll(InputStream in) {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				answer.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// a reset after the answer, or five quiet seconds: what arrived is the answer
		}
		return answer.toString(StandardCharsets.ISO_8859_1);
	}

}
