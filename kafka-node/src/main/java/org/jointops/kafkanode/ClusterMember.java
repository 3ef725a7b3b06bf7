package org.jointops.kafkanode;

/**
 * One node of a jointops Kafka cluster, as every node's configuration names it: a broker
 * and a KRaft controller in one process, with its client listener and its controller
 * listener each on an address of its own (the same address on a single machine; two
 * networks when controller traffic has a network of its own).
 *
 * @param nodeId the node id, unique in the cluster, from 1
 * @param host the address of the client listener, also what the node advertises to
 * clients and to the other brokers
 * @param port the client listener's port
 * @param controllerHost the address of the controller listener
 * @param controllerPort the controller listener's port
 */
public record ClusterMember(int nodeId, String host, int port, String controllerHost, int controllerPort) {

	/**
	 * A node whose both listeners are on 127.0.0.1.
	 * @param nodeId the node id
	 * @param port the client listener's port
	 * @param controllerPort the controller listener's port
	 * @return the member
	 */
	public static ClusterMember onLoopback(int nodeId, int port, int controllerPort) {
		return new ClusterMember(nodeId, "127.0.0.1", port, "127.0.0.1", controllerPort);
	}

	/**
	 * Where clients connect.
	 * @return {@code host:port}
	 */
	public String clientAddress() {
		return this.host + ":" + this.port;
	}

	/**
	 * This node as one of {@code controller.quorum.voters}.
	 * @return {@code id@controllerHost:controllerPort}
	 */
	public String voter() {
		return this.nodeId + "@" + this.controllerHost + ":" + this.controllerPort;
	}

}
