package org.jointops.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.localstack.processes.Role;
import org.jointops.localstack.processes.StackProcess;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ./local-stack --brokers 3 --aggregators 2} is for: an aggregator instance
 * killed ({@code SIGKILL}, as {@code kill -9} by its pid), the remaining instance takes
 * its partitions over and answers the exact totals of every report, those posted after
 * the kill too; a broker killed as well, the cluster goes on with two brokers and the
 * instance answers the exact totals of reports posted after that; the console says what
 * each exit means; and stopping the stack leaves no process behind.
 * <p>
 * All of it over TLS ({@code --tls}): clients, replication between the brokers and the
 * controller quorum on SASL_SSL, the producers and both aggregator instances on HTTPS (an
 * instance forwarding to the other included), every client trusting the stack's CA; a
 * plaintext Kafka client, an HTTPS client that does not trust the CA and plain HTTP get
 * nothing.
 */
class ReplicatedStackIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void remainingInstanceAnswersExactTotalsAfterAnInstanceAndABrokerAreKilledAndNoProcessOutlivesTheStack()
			throws Exception {
		List<String> notices = new CopyOnWriteArrayList<>();
		List<ProcessHandle> children;
		try (LocalStack stack = LocalStack.start(TestStacks.replicated(this.data, 3, 2).withTls(true))) {
			stack.onNotice(notices::add);
			HttpClient http = stack.httpClient(Duration.ofSeconds(5));
			assertThat(stack.aggregatorUrls()).allMatch((url) -> url.startsWith("https://localhost:"));
			assertThat(stack.producerUrls().values()).allMatch((url) -> url.startsWith("https://localhost:"));
			assertThat(stack.caCertificate()).hasValue(this.data.resolve("tls").resolve("ca.crt"));
			assertRefusesWhatIsNotTlsWithTheStacksCa(stack);
			assertThat(stack.processes()).extracting(StackProcess::name)
				.containsExactly("broker 1", "broker 2", "broker 3", "aggregator 1", "aggregator 2");
			assertThat(stack.processes()).allMatch(StackProcess::isAlive);
			children = ProcessHandle.current().descendants().toList();
			assertThat(children).as("a process of its own for each broker and instance").hasSize(5);

			post(stack, http, "KAZ", report("KAZ-INTERIOR-2017-0001").count(VIOLATIONS, 1520));
			awaitExactTotalsFromEveryRunningInstance(stack, http, 1, 1, Map.of("KAZ", 1520));

			long aggregator = kill(stack.process(Role.AGGREGATOR, 1));
			post(stack, http, "RUS", report("RUS-MVD-2017-0001").count(VIOLATIONS, 90000));
			assertThat(awaitExactTotalsFromEveryRunningInstance(stack, http, 2, 2, Map.of("KAZ", 1520, "RUS", 90000)))
				.containsExactly(stack.aggregatorUrls().get(1));

			long broker = kill(stack.process(Role.BROKER, 2));
			awaitLiveBrokers(stack, List.of(1, 3));
			post(stack, http, "TJK", report("TJK-BORDER-2017-0001").count(VIOLATIONS, 30));
			post(stack, http, "RUS", report("RUS-MVD-2017-0001").revision(2).count(VIOLATIONS, 90100));
			awaitExactTotalsFromEveryRunningInstance(stack, http, 4, 3, Map.of("KAZ", 1520, "RUS", 90100, "TJK", 30));

			await("what the console says").atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(notices).containsExactlyInAnyOrder("broker 2 (pid " + broker
						+ ") exited (killed by signal 9): the cluster goes on with 2 of 3 brokers (every write still "
						+ "reaches 2 in-sync replicas); 'start broker 2' starts it again",
						"aggregator 1 (pid " + aggregator
								+ ") exited (killed by signal 9): 1 of 2 aggregator instances "
								+ "answer; they take over its partitions within about 10 s (standby replicas answer "
								+ "meanwhile); 'start aggregator 1' starts it again"));
		}
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
			.as("processes left behind")
			.isEmpty();
	}

	private static final String TOTALS = "/api/v1/operations/ILLEGAL-2017/totals";

	/**
	 * Waits until every aggregator instance that runs answers the whole expected state:
	 * the changes applied, the reports counted, every state's figure and the total.
	 * @return the instances asked
	 */
	private static List<String> awaitExactTotalsFromEveryRunningInstance(LocalStack stack, HttpClient http,
			long version, long reports, Map<String, Integer> byState) {
		List<String> running = stack.processes()
			.stream()
			.filter((process) -> process.role() == Role.AGGREGATOR && process.isAlive())
			.map(StackProcess::address)
			.toList();
		for (String url : running) {
			await("exact totals from " + url).atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> {
					JsonNode totals = JSON.readTree(send(http,
							HttpRequest.newBuilder(URI.create(url + TOTALS))
								.header("Authorization", "Bearer " + secretariat(stack))
								.build())
						.body());
					assertThat(totals.path("version").asLong()).as("changes applied").isEqualTo(version);
					assertThat(totals.path("reports").asLong()).isEqualTo(reports);
					assertThat(totals.path("totals")).hasSize(1);
					assertThat(totals.at("/totals/0/category").asString()).isEqualTo(VIOLATIONS);
					assertThat(totals.at("/totals/0/total").asLong())
						.isEqualTo(byState.values().stream().mapToLong(Integer::longValue).sum());
					Map<String, Long> figures = new TreeMap<>();
					totals.at("/totals/0/byState")
						.properties()
						.forEach((entry) -> figures.put(entry.getKey(), entry.getValue().asLong()));
					assertThat(figures).isEqualTo(new TreeMap<>(byState.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().longValue()))));
				});
		}
		return running;
	}

	/**
	 * Kills a process as an operator would ({@code kill -9 <pid>}) and waits until it is
	 * gone.
	 */
	private static long kill(StackProcess process) throws Exception {
		ProcessHandle handle = ProcessHandle.of(process.pid().getAsLong()).orElseThrow();
		assertThat(handle.destroyForcibly()).isTrue();
		handle.onExit().get(30, TimeUnit.SECONDS);
		return handle.pid();
	}

	/**
	 * Waits until the cluster has fenced the killed broker: its partitions are led by the
	 * others.
	 */
	private static void awaitLiveBrokers(LocalStack stack, List<Integer> nodes) {
		try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
			await("live brokers " + nodes).atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id).toList(),
						(live) -> live.size() == nodes.size() && live.containsAll(nodes));
		}
	}

	private static ReportJson report(String reportId) {
		return ReportJson.illegal2017(reportId);
	}

	/**
	 * Posts a report as a ministry's system does: a 503 (Kafka not answering in time,
	 * e.g. right after a broker was killed) is sent again, the same revision, until
	 * accepted; anything else but 202 fails.
	 */
	private static void post(LocalStack stack, HttpClient http, String state, ReportJson report) {
		await("%s accepted".formatted(report)).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				HttpResponse<String> response = send(http,
						HttpRequest.newBuilder(URI.create(stack.producerUrls().get(state) + "/api/v1/reports"))
							.header("Authorization", "Bearer " + stack.credentials().token(state, "INTERIOR"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(report.toJson()))
							.build());
				assertThat(response.statusCode()).as("%s: %s", report, response.body()).isIn(202, 503);
				return response.statusCode() == 202;
			});
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The brokers answer no plaintext client (the services' own users' credentials
	 * notwithstanding); the services refuse a TLS client that does not trust the stack's
	 * CA, and answer plain HTTP with no 200.
	 */
	private static void assertRefusesWhatIsNotTlsWithTheStacksCa(LocalStack stack) {
		assertThat(stack.kafkaAdminProperties()).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
				"SASL_SSL");
		Map<String, Object> plaintext = new HashMap<>(
				ClientSecurity.scram(KafkaUsers.AGGREGATOR, stack.credentials().kafkaPassword(KafkaUsers.AGGREGATOR)));
		plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
		plaintext.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		try (Admin admin = Admin.create(plaintext)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
					.clusterId()
					.get(10, TimeUnit.SECONDS));
		}
		HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String url : List.of(stack.aggregatorUrls().get(1), stack.producerUrls().get("KAZ"))) {
			assertThatExceptionOfType(SSLHandshakeException.class).as(url)
				.isThrownBy(
						() -> send(untrusting, HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build()));
			int plain;
			try {
				plain = send(untrusting,
						HttpRequest.newBuilder(URI.create(url.replace("https://", "http://") + "/actuator/health"))
							.timeout(Duration.ofSeconds(5))
							.build())
					.statusCode();
			}
			catch (Exception ex) {
				plain = -1;
			}
			assertThat(plain).as("plain HTTP to %s", url).isNotEqualTo(200);
		}
	}

	private static String secretariat(LocalStack stack) {
		return stack.credentials().readerToken(AgencyCredentials.SECRETARIAT);
	}

}
