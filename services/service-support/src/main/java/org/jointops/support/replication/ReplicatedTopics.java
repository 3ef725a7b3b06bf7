package org.jointops.support.replication;

import java.util.List;

/**
 * The topics a service uses, which the {@code replication} health check holds to
 * {@link ReplicationProperties}; a service declares its own as a bean.
 */
@FunctionalInterface
public interface ReplicatedTopics {

	/**
	 * Whether a topic is one the service uses.
	 * @param topic a topic's name
	 * @return whether it is checked
	 */
	boolean covers(String topic);

	/**
	 * Topics of these exact names.
	 * @param names the names
	 * @return the topics
	 */
	static ReplicatedTopics named(List<String> names) {
		List<String> copy = List.copyOf(names);
		return copy::contains;
	}

	/**
	 * Topics whose names start with one of these prefixes.
	 * @param prefixes the prefixes
	 * @return the topics
	 */
	static ReplicatedTopics prefixed(List<String> prefixes) {
		List<String> copy = List.copyOf(prefixes);
		return (topic) -> copy.stream().anyMatch(topic::startsWith);
	}

}
