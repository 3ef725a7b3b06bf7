package org.jointops.localstack.processes;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One process of the replicated shape, as the stack lists it.
 *
 * @param role what it is
 * @param number its number among those of its role, from 1
 * @param address where it is reached: a broker's {@code host:port}, an aggregator's URL
 * @param process its JVM
 */
public record StackProcess(Role role, int number, String address, ChildProcess process) {

	/**
	 * Its process id while it runs.
	 * @return the pid, empty when it does not run
	 */
	public OptionalLong pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.process.log();
	}

	/**
	 * Its name on the console.
	 * @return e.g. {@code broker 2}
	 */
	public String name() {
		return this.role.label() + " " + this.number;
	}

}
