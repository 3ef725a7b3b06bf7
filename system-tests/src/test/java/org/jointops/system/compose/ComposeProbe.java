package org.jointops.system.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka client run as a process of the emulated compose network (service names resolve
 * through its hosts file, as in a container): as a state producer's Kafka user, it
 * describes its own findings topic and tries to write another state's. Prints one line
 * per outcome.
 */
public final class ComposeProbe {

	private ComposeProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args bootstrap servers, user, its password file, truststore, its password
	 * file, the user's own topic, another state's topic
	 * @throws Exception if the probe itself fails
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
		Properties properties = new Properties();
		properties.put("bootstrap.servers", args[0]);
		properties.put("security.protocol", "SASL_SSL");
		properties.put("sasl.mechanism", "SCRAM-SHA-256");
		properties.put("sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + args[1]
						+ "\" password=\"" + Files.readString(Path.of(args[2])).strip() + "\";");
		properties.put("ssl.truststore.location", args[3]);
		properties.put("ssl.truststore.password", Files.readString(Path.of(args[4])).strip());
		properties.put("ssl.truststore.type", "PKCS12");
		properties.put("default.api.timeout.ms", "30000");
		try (Admin admin = Admin.create(properties)) {
			int partitions = admin.describeTopics(List.of(args[5]))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(args[5])
				.partitions()
				.size();
			System.out.println("OWN " + args[5] + " described: " + partitions + " partitions");
		}
		properties.put("max.block.ms", "20000");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(args[6], new byte[] { 1 })).get(30, TimeUnit.SECONDS);
			System.out.println("OTHER " + args[6] + " written");
		}
		catch (ExecutionException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			System.out.println("OTHER " + args[6] + " refused: " + cause.getClass().getSimpleName());
		}
	}

}
