import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The images' health check (the JRE image has no curl): exits 0 if the URL answers 200 with
 * status UP, 1 otherwise. It asks the service in its own container, so it checks neither the
 * certificate nor its name (the service's clients do): {@code java -cp /app HealthCheck <url>}.
 */
public final class HealthCheck {

	private HealthCheck() {
	}

	public static void main(String[] args) throws Exception {
		TrustManager any = new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}

		};
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { any }, new SecureRandom());
		try {
			HttpsURLConnection connection = (HttpsURLConnection) URI.create(args[0]).toURL().openConnection();
			connection.setSSLSocketFactory(context.getSocketFactory());
			connection.setHostnameVerifier((host, session) -> true);
			connection.setConnectTimeout(5000);
			connection.setReadTimeout(5000);
			int status = connection.getResponseCode();
			String body = "";
			if (status == 200) {
				try (InputStream in = connection.getInputStream()) {
					body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			System.out.println(status + " " + body);
			System.exit((status == 200 && body.contains("\"UP\"")) ? 0 : 1);
		}
		catch (Exception ex) {
			System.out.println(ex);
			System.exit(1);
		}
	}

}
