package org.jointops.aggregator.topology;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jointops.catalogue.Catalogue;
import org.jointops.support.catalogue.CatalogueSnapshot;
import org.jointops.support.catalogue.CurrentCatalogue;

/**
 * A catalogue for topology tests: a newer version can be made current at once, or left
 * pending, as if written to the topic but not read yet; catching up makes it current.
 */
class SwappableCatalogue implements CurrentCatalogue {

	private volatile CatalogueSnapshot current;

	private volatile CatalogueSnapshot pending;

	private final AtomicInteger catchUps = new AtomicInteger();

	private volatile boolean unreachable;

	SwappableCatalogue(Catalogue initial) {
		this.current = CatalogueSnapshot.initial(initial);
	}

	/** A newer version, read at once. */
	void swap(Catalogue next) {
		this.current = snapshot(next);
	}

	/** A newer version, written but not read until the next catch-up. */
	void writeWithoutReading(Catalogue next) {
		this.pending = snapshot(next);
	}

	/** From now on, catching up fails (the catalogue topic cannot be read). */
	void becomeUnreachable() {
		this.unreachable = true;
	}

	int catchUps() {
		return this.catchUps.get();
	}

	private CatalogueSnapshot snapshot(Catalogue next) {
		CatalogueSnapshot now = this.current;
		return new CatalogueSnapshot(now.version() + 1, next, new org.jointops.catalogue.ReportRules(next),
				now.offset() + 1, null, "test");
	}

	@Override
	public CatalogueSnapshot snapshot() {
		return this.current;
	}

	@Override
	public boolean awaitCaughtUp(Duration timeout) {
		this.catchUps.incrementAndGet();
		if (this.unreachable) {
			return false;
		}
		if (this.pending != null) {
			this.current = this.pending;
			this.pending = null;
		}
		return true;
	}

	@Override
	public boolean awaitRead(long offset, Duration timeout) {
		return true;
	}

}
