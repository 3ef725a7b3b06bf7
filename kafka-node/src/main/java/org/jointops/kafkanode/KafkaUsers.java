package org.jointops.kafkanode;

import java.util.Locale;

import org.jointops.wire.Topics;

/**
 * The Kafka principals of a jointops deployment. Each state's producer service writes as
 * its own user; the aggregator reads as one user; the node's own administrator is the
 * only super user.
 */
public final class KafkaUsers {

	/**
	 * The node's administrator: the broker's own connections (controller and
	 * inter-broker), and whoever creates users and ACLs. Authenticated with SASL/PLAIN
	 * against the password in the node's own configuration, so it exists before any SCRAM
	 * user does.
	 */
	public static final String ADMIN = "admin";

	/** The aggregator: reads every findings topic, writes only its own topics. */
	public static final String AGGREGATOR = "aggregator";

	/**
	 * The aggregator's Kafka Streams application id, as its configuration has it
	 * ({@code spring.kafka.streams.application-id} in {@code aggregator.yml}): the base
	 * of the id it runs as (it appends its state layout's suffix, e.g.
	 * {@code -layout-2}), so the prefix of its group, transactional ids and internal
	 * topics, whatever the layout.
	 */
	public static final String AGGREGATOR_APPLICATION_ID = "jointops-aggregator";

	private static final String PRODUCER_PREFIX = "producer-";

	private KafkaUsers() {
	}

	/**
	 * The user of a state's producer service.
	 * @param state the ISO 3166-1 alpha-3 code, e.g. {@code KAZ}
	 * @return e.g. {@code producer-kaz}
	 */
	public static String producer(String state) {
		// the same check as the topic name: one user per findings topic
		Topics.findings(state);
		return PRODUCER_PREFIX + state.toLowerCase(Locale.ROOT);
	}

}
