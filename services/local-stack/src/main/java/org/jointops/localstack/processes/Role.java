package org.jointops.localstack.processes;

import java.util.Locale;

/**
 * What a process of the replicated shape is.
 */
public enum Role {

	/** A Kafka node: broker and KRaft controller. */
	BROKER,

	/** An instance of the aggregator. */
	AGGREGATOR;

	/**
	 * Its name on the console.
	 * @return {@code broker} or {@code aggregator}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role a word names.
	 * @param word {@code broker} or {@code aggregator}, in any case
	 * @return the role
	 * @throws IllegalArgumentException if the word names no role
	 */
	public static Role named(String word) {
		for (Role role : values()) {
			if (role.label().equalsIgnoreCase(word)) {
				return role;
			}
		}
		throw new IllegalArgumentException("No role '" + word + "': broker or aggregator");
	}

}
