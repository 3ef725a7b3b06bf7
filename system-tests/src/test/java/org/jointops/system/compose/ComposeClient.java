package org.jointops.system.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client of the compose set-up has from its setup step: the tokens
 * {@code ./compose-setup} printed, and HTTPS calls to a service that check its
 * certificate as a client of the service's name would (signed by the setup's CA, made for
 * that name), wherever the service's port is reached.
 */
public final class ComposeClient {

	private final SSLContext context;

	private final Map<String, String> tokens;

	private ComposeClient(SSLContext context, Map<String, String> tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/**
	 * Runs {@code ./compose-setup --out <secrets>}.
	 * @param root the repository's root
	 * @param secrets where the secrets go
	 * @return the setup's tokens and trust
	 * @throws Exception if the setup fails
	 */
	public static ComposeClient setUp(Path root, Path secrets) throws Exception {
		Path log = secrets.resolveSibling("compose-setup.log");
		Path output = secrets.resolveSibling("compose-setup.out");
		Process setup = new ProcessBuilder(root.resolve("compose-setup").toString(), "--out", secrets.toString())
			.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectOutput(output.toFile())
			.start();
		if (!setup.waitFor(5, TimeUnit.MINUTES)) {
			setup.destroyForcibly();
			throw new IllegalStateException("./compose-setup did not end within 5 minutes: " + Files.readString(log));
		}
		if (setup.exitValue() != 0) {
			throw new IllegalStateException("./compose-setup failed: " + Files.readString(log));
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		Map<String, String> tokens = new LinkedHashMap<>();
		printed.lines().filter((line) -> line.length() > 45 && !line.endsWith(":")).forEach((line) -> {
			int space = line.lastIndexOf(' ');
			tokens.put(line.substring(0, space).strip(), line.substring(space + 1));
		});
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(secrets.resolve("certs/truststore.p12"))) {
			trust.load(in, Files.readString(secrets.resolve("certs/truststore.password")).strip().toCharArray());
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return new ComposeClient(context, tokens);
	}

	/**
	 * A token the setup printed.
	 * @param owner its line's owner, e.g. {@code producer-kaz INTERIOR} or
	 * {@code aggregator reader secretariat}
	 * @return the token
	 */
	public String token(String owner) {
		String token = this.tokens.get(owner);
		if (token == null) {
			throw new IllegalArgumentException(
					"./compose-setup printed no token of " + owner + ": " + this.tokens.keySet());
		}
		return token;
	}

	/**
	 * Calls a service over HTTPS.
	 * @param service the service's name, which its certificate must carry
	 * @param address where its port is reached ({@code host:port})
	 * @param method the HTTP method
	 * @param path the path
	 * @param token a bearer token, or {@code null}
	 * @param json a JSON body, or {@code null}
	 * @return the answer
	 */
	public Response call(String service, String address, String method, String path, String token, String json) {
		try {
			HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://" + address + path)
				.toURL()
				.openConnection();
			connection.setSSLSocketFactory(this.context.getSocketFactory());
			connection.setHostnameVerifier((host, session) -> namesOf(session).contains(service));
			connection.setRequestMethod(method);
			connection.setConnectTimeout(5000);
			connection.setReadTimeout(20000);
			if (token != null) {
				connection.setRequestProperty("Authorization", "Bearer " + token);
			}
			if (json != null) {
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(json.getBytes(StandardCharsets.UTF_8));
				}
			}
			int status = connection.getResponseCode();
			InputStream body = (status < HttpURLConnection.HTTP_BAD_REQUEST) ? connection.getInputStream()
					: connection.getErrorStream();
			return new Response(status, (body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(service + " " + path, ex);
		}
	}

	private static List<String> namesOf(SSLSession session) {
		List<String> names = new ArrayList<>();
		try {
			X509Certificate certificate = (X509Certificate) session.getPeerCertificates()[0];
			if (certificate.getSubjectAlternativeNames() != null) {
				for (List<?> name : certificate.getSubjectAlternativeNames()) {
					if (Integer.valueOf(2).equals(name.get(0))) {
						names.add((String) name.get(1));
					}
				}
			}
		}
		catch (SSLPeerUnverifiedException | CertificateParsingException ex) {
			// no names: the call fails
		}
		return names;
	}

	/**
	 * An answer.
	 *
	 * @param status its status
	 * @param body its body
	 */
	public record Response(int status, String body) {
	}

}
