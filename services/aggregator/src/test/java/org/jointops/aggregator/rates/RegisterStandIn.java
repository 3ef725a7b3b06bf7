package org.jointops.aggregator.rates;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jointops.register.RegisterDocument;
import org.jointops.support.register.CurrentRegister;

/**
 * The registers of web tests, without Kafka: set by the test (or by a stand-in for
 * {@code RegisterChanges}), read by the controllers as the live registers are.
 */
public class RegisterStandIn implements CurrentRegister {

	private final Map<String, RegisterDocument> registers = new ConcurrentHashMap<>();

	/**
	 * Makes a register the current one of its operation.
	 * @param register the register
	 */
	public void set(RegisterDocument register) {
		this.registers.put(register.operation(), register);
	}

	/** Forgets every register. */
	public void clear() {
		this.registers.clear();
	}

	@Override
	public RegisterDocument of(String operation) {
		return this.registers.getOrDefault(operation, RegisterDocument.empty(operation));
	}

	@Override
	public Collection<RegisterDocument> all() {
		return this.registers.values();
	}

	@Override
	public boolean awaitCaughtUp(Duration timeout) {
		return true;
	}

	@Override
	public boolean awaitRead(long offset, Duration timeout) {
		return true;
	}

	@Override
	public boolean applied(long offset) {
		return true;
	}

}
