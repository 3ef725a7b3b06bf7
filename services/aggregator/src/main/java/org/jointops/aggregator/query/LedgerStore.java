package org.jointops.aggregator.query;

import java.util.List;
import java.util.Optional;

import org.jointops.ledger.OperationLedger;

/**
 * Where the queries read the operations' ledgers and their histories from.
 */
public interface LedgerStore {

	/**
	 * The ledger of one operation.
	 * @param operation operation code
	 * @return its ledger, empty if no report has named it
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	Optional<OperationLedger> ledger(String operation);

	/**
	 * Every operation's ledger.
	 * @return the ledgers
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	List<OperationLedger> ledgers();

	/**
	 * Every change applied to an operation's ledger, in version order.
	 * @param operation operation code
	 * @return its changes, empty if no report has named it
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	List<VersionedChange> history(String operation);

}
