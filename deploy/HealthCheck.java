import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The images' health check (the JRE image has no curl): exits 0 if the URL answers 200 with
 * status UP, 1 otherwise. It asks the service in its own container, so it does not check the
 * certificate (the service's clients do): {@code java -cp /app HealthCheck <url>}.
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
		SSLParameters parameters = new SSLParameters();
		parameters.setEndpointIdentificationAlgorithm(null);
		HttpClient client = HttpClient.newBuilder()
			.sslContext(context)
			.sslParameters(parameters)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			boolean up = response.statusCode() == 200 && response.body().contains("\"UP\"");
			System.out.println(response.statusCode() + " " + response.body());
			System.exit(up ? 0 : 1);
		}
		catch (Exception ex) {
			System.out.println(ex);
			System.exit(1);
		}
	}

}
