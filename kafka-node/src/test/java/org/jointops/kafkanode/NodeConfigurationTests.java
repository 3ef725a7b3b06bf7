package org.jointops.kafkanode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jointops.kafkanode.tls.CertificateAuthority;
import org.jointops.kafkanode.tls.KafkaTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a node's configuration says, alone and as one of a cluster.
 */
class NodeConfigurationTests {

	private static final Path LOG = Path.of("target/node-configuration-tests/log");

	@Test
	void aSingleNodeIsItsOwnQuorumOnLoopbackWithOneReplicaOfEverything() {
		Properties properties = NodeConfiguration.properties(LOG, 9092, 9093, "secret");

		assertThat(properties).containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("listeners", "CLIENTS://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "CLIENTS://127.0.0.1:9092")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("default.replication.factor", "1")
			.containsEntry("min.insync.replicas", "1");
	}

	@Test
	void aNodeOfThreeListensAndAdvertisesItsOwnAddressesAndReplicatesEverythingThreeTimes() {
		List<ClusterMember> members = List.of(new ClusterMember(1, "10.77.0.2", 9092, "10.78.0.2", 9093),
				new ClusterMember(2, "10.77.0.3", 9092, "10.78.0.3", 9093),
				new ClusterMember(3, "10.77.0.4", 9092, "10.78.0.4", 9093));

		Properties properties = NodeConfiguration.properties(LOG, members.get(1), members, "secret");

		assertThat(properties).containsEntry("node.id", "2")
			.containsEntry("process.roles", "broker,controller")
			.containsEntry("controller.quorum.voters", "1@10.78.0.2:9093,2@10.78.0.3:9093,3@10.78.0.4:9093")
			.containsEntry("listeners", "CLIENTS://10.77.0.3:9092,CONTROLLER://10.78.0.3:9093")
			.containsEntry("advertised.listeners", "CLIENTS://10.77.0.3:9092")
			.containsEntry("offsets.topic.replication.factor", "3")
			.containsEntry("transaction.state.log.replication.factor", "3")
			.containsEntry("transaction.state.log.min.isr", "2")
			.containsEntry("share.coordinator.state.topic.replication.factor", "3")
			.containsEntry("share.coordinator.state.topic.min.isr", "2")
			.containsEntry("default.replication.factor", "3")
			.containsEntry("min.insync.replicas", "2");
	}

	@Test
	void withTlsEveryListenerIsSaslSslWithTheNodesKeyStoreAndTheCasTrustStore(@TempDir Path certs) {
		CertificateAuthority authority = CertificateAuthority.open(certs);
		KafkaTls tls = KafkaTls.node(authority.host("kafka-1"), authority.trustStore());

		Properties properties = NodeConfiguration.properties(LOG, 9092, 9093, "secret", tls);

		assertThat(properties).containsEntry("listener.security.protocol.map", "CLIENTS:SASL_SSL,CONTROLLER:SASL_SSL")
			.containsEntry("inter.broker.listener.name", "CLIENTS")
			.containsEntry("ssl.keystore.type", "PKCS12")
			.containsEntry("ssl.keystore.location", certs.resolve("kafka-1.p12").toAbsolutePath().toString())
			.containsEntry("ssl.keystore.password", authority.host("kafka-1").password())
			.containsEntry("ssl.key.password", authority.host("kafka-1").password())
			.containsEntry("ssl.truststore.type", "PKCS12")
			.containsEntry("ssl.truststore.location", certs.resolve("truststore.p12").toAbsolutePath().toString())
			.containsEntry("ssl.truststore.password", authority.trustStore().password());
		assertThat(NodeConfiguration.properties(LOG, 9092, 9093, "secret"))
			.as("without TLS: SASL over plaintext, no stores")
			.containsEntry("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
			.doesNotContainKey("ssl.keystore.location");
	}

	@Test
	void aServiceOverTlsUsesSaslSslAndTrustsTheCaThroughSpringBootsKafkaSslProperties(@TempDir Path certs) {
		CertificateAuthority authority = CertificateAuthority.open(certs);
		KafkaTls tls = KafkaTls.client(authority.trustStore());

		Map<String, String> properties = ClientSecurity.springProperties("aggregator", "pw", tls);

		assertThat(properties).containsEntry("spring.kafka.security.protocol", "SASL_SSL")
			.containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-256")
			.containsEntry("spring.kafka.ssl.trust-store-location",
					"file:" + certs.resolve("truststore.p12").toAbsolutePath())
			.containsEntry("spring.kafka.ssl.trust-store-password", authority.trustStore().password())
			.containsEntry("spring.kafka.ssl.trust-store-type", "PKCS12");
		assertThat(ClientSecurity.springProperties("aggregator", "pw"))
			.containsEntry("spring.kafka.security.protocol", "SASL_PLAINTEXT")
			.doesNotContainKey("spring.kafka.ssl.trust-store-location");
	}

	@Test
	void replicationGrowsWithTheClusterUpToThreeReplicasOfWhichTwoMustHaveARecord() {
		assertThat(List.of(1, 2, 3, 5).stream().map(NodeConfiguration::replicationFactor)).containsExactly(1, 2, 3, 3);
		assertThat(List.of(1, 2, 3, 5).stream().map(NodeConfiguration::minInsyncReplicas)).containsExactly(1, 1, 2, 2);
	}

	@Test
	void aNodeThatIsNotAMemberIsRefused() {
		ClusterMember stranger = ClusterMember.onLoopback(4, 9092, 9093);

		assertThatIllegalArgumentException().isThrownBy(() -> NodeConfiguration.properties(LOG, stranger,
				List.of(ClusterMember.onLoopback(1, 9094, 9095)), "secret"));
	}

}
