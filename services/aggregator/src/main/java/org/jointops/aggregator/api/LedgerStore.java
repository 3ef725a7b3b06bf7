package org.jointops.aggregator.api;

import java.util.List;
import java.util.Optional;

import org.jointops.ledger.OperationLedger;

/**
 * Where the API reads the operations' ledgers from.
 */
interface LedgerStore {

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

}
