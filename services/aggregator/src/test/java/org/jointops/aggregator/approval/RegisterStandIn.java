package org.jointops.aggregator.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.jointops.register.RegisterDocument;
import org.jointops.support.register.CurrentRegister;

/**
 * The registers of web tests, in memory: set by a test, or changed through the API
 * ({@link RegisterChangesStandIn}), each change one minute after the previous one.
 */
public class RegisterStandIn implements CurrentRegister {

	/** When the first change through the API is made. */
	public static final Instant FIRST_CHANGE = Instant.parse("2026-12-02T10:15:00Z");

	private final Map<String, RegisterDocument> registers = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	/**
	 * Makes a register version the current one of its operation.
	 * @param register the version
	 */
	public void set(RegisterDocument register) {
		this.registers.put(register.operation(), register);
	}

	/** Forgets every version. */
	public void clear() {
		this.registers.clear();
		this.changes.set(0);
	}

	synchronized RegisterDocument change(String operation,
			BiFunction<RegisterDocument, Instant, RegisterDocument> change) {
		RegisterDocument current = of(operation);
		RegisterDocument next = change.apply(current, FIRST_CHANGE.plusSeconds(60 * this.changes.get()));
		if (next.version() != current.version()) {
			this.changes.incrementAndGet();
			this.registers.put(operation, next);
		}
		return of(operation);
	}

	@Override
	public RegisterDocument of(String operation) {
		return this.registers.getOrDefault(operation, RegisterDocument.empty(operation));
	}

	@Override
	public Collection<RegisterDocument> all() {
		return List.copyOf(this.registers.values());
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
