package org.jointops.aggregator.routing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * Two aggregator instances that advertise the same address (as two hosts with the default
 * {@code localhost} and the same port would): each says so in its health, and neither
 * ever answers the totals of an operation whose ledger the other holds as if it had no
 * reports (503 instead).
 */
class SharedAddressIntegrationTests {

	private static final List<String> OPERATIONS = List.of("ILLEGAL-2017", "ROUTE-A", "ROUTE-B", "ROUTE-C", "ROUTE-D",
			"ROUTE-E", "ROUTE-F");

	private static EmbeddedKafkaNode kafka;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static int firstPort;

	private static int secondPort;

	@BeforeAll
	static void startTwoInstancesWithOneAddress() {
		kafka = EmbeddedKafkaNode.start();
		kafka.createTopics(TopicBuilder.name(Topics.findings("KAZ")).partitions(2).replicas(1).build());
		firstPort = FreePorts.next();
		secondPort = FreePorts.next();
		String shared = "localhost:" + firstPort;
		first = start(firstPort, shared);
		second = start(secondPort, shared);
		for (String operation : OPERATIONS) {
			kafka.publish(illegal2017("KAZ", "KAZ-" + operation).setOperation(operation)
				.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 10)))
				.build());
		}
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void bothSayInTheirHealthThatAnotherInstanceAdvertisesTheSameAddress() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			for (int port : new int[] { firstPort, secondPort }) {
				JsonNode instances = Http
					.getWith(Credentials.MONITORING_TOKEN, "http://localhost:" + port + "/actuator/health")
					.json()
					.at("/components/instances");
				assertThat(instances.path("status").asString()).as("instance on port " + port).isEqualTo("DOWN");
				assertThat(instances.at("/details/error").asString())
					.contains("Another aggregator instance advertises the same address localhost:" + firstPort)
					.contains("jointops.advertised-host");
			}
		});
	}

	@Test
	void neitherAnswersEmptyTotalsForAnOperationTheOtherHolds() {
		// evidence first: every operation's totals committed by whichever instance
		// holds it
		await("the totals of every operation committed").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> TopicReader.readAll(kafka.adminClientProperties(), WireFormat.singleObject().councilTotals())
				.stream()
				.map((record) -> record.value().getOperation())
				.collect(Collectors.toSet()), (committed) -> committed.containsAll(OPERATIONS));
		// then, once the group has settled, every answer is the operation's exact
		// figures or a 503, never empty totals; at most one instance answers it (Kafka
		// Streams keeps one member's partitions per advertised address in its metadata,
		// so the other's are answered by neither: 503, as the health says DOWN). While
		// the two rebalance, an instance was once seen answering an operation's totals
		// with version 0: docs/limits.md
		await("every answer exact or 503").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> {
				for (String operation : OPERATIONS) {
					int exact = 0;
					for (int port : new int[] { firstPort, secondPort }) {
						Http.Response answer = Http.getAs(Credentials.SECRETARIAT,
								"http://localhost:" + port + "/api/v1/operations/" + operation + "/totals");
						NeverEmptyTotals.check(answer, operation + " asked on port " + port);
						// a standby replica may answer too, saying its lag: only an
						// active store counts
						if (answer.status() == 200 && answer.header(RoutingHeaders.STANDBY_LAG) == null) {
							assertThat(answer.json().at("/totals/0/total").asLong()).as(operation + " on port " + port)
								.isEqualTo(10);
							exact++;
						}
					}
					assertThat(exact).as(operation + " answered by at most the instance that holds it")
						.isLessThanOrEqualTo(1);
				}
			});
	}

	private static ConfigurableApplicationContext start(int port, String advertised) {
		return AggregatorApplication.application()
			.run(Stream.concat(
					Stream.of("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
							"--spring.kafka.streams.state-dir=target/kstreams-state/" + UUID.randomUUID(),
							"--spring.kafka.streams.properties.application.server=" + advertised,
							"--jointops.instances.expected=2", "--jointops.instances.one-host=true",
							"--jointops.catalogue.extra-files=src/test/resources/catalogue/routing.json"),
					Stream.of(Credentials.aggregatorKafkaProperties(), EmbeddedKafkaNode.ONE_REPLICA)
						.flatMap((properties) -> properties.entrySet().stream())
						.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()))
				.toArray(String[]::new));
	}

}
