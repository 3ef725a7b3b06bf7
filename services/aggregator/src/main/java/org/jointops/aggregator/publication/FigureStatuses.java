package org.jointops.aggregator.publication;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;

/**
 * Whether an operation's figures are final, from its register and the catalogue alone.
 */
final class FigureStatuses {

	private FigureStatuses() {
	}

	/**
	 * The status of an operation's figures.
	 * @param register the operation's register
	 * @param operation the operation's catalogue entry (its stages)
	 * @param catalogue the catalogue (its member states)
	 * @return {@code FINAL} if every member state's figures for every stage are ACCEPTED,
	 * else {@code PRELIMINARY}
	 */
	static FigureStatus of(RegisterDocument register, Operation operation, Catalogue catalogue) {
		for (Stage stage : operation.stages()) {
			for (MemberState state : catalogue.states()) {
				if (!register.status(stage.stage(), state.code()).isFinal()) {
					return FigureStatus.PRELIMINARY;
				}
			}
		}
		return FigureStatus.FINAL;
	}

}
