package org.jointops.localstack.processes;

import kafka.Kafka;

/**
 * The main class of a broker process: Kafka's own {@code kafka.Kafka} with its
 * {@code server.properties}, ending with the stack ({@link ParentWatch}).
 */
public final class BrokerMain {

	private BrokerMain() {
	}

	/**
	 * Runs the node.
	 * @param args the node's {@code server.properties}
	 */
	public static void main(String[] args) {
		ParentWatch.install("broker");
		Kafka.main(args);
	}

}
