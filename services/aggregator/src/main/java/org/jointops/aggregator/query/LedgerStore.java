package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportEntry;

/**
 * Where the queries read the operations' ledgers, reports and activity from. Each answer
 * costs what it returns, never the operation's whole history.
 */
public interface LedgerStore {

	/**
	 * The ledger of one operation now.
	 * @param operation operation code
	 * @return its ledger, empty if no report has named it
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	Optional<OperationLedger> ledger(String operation);

	/**
	 * Every operation's version, report count and last change.
	 * @return the operations reports have named
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	List<OperationState> operations();

	/**
	 * The ledger of one operation as it stood at an instant.
	 * @param operation operation code
	 * @param asOf the instant
	 * @return its ledger then (version 0 if nothing counted then)
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 * @throws HistoryUnavailableException if the history before that instant was pruned
	 */
	OperationLedger ledgerAsOf(String operation, Instant asOf);

	/**
	 * Every report an operation has had, each as its last change at or before an instant
	 * left it.
	 * @param operation operation code
	 * @param asOf an instant, or null for now
	 * @return the reports, counting or not
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 * @throws HistoryUnavailableException if the history before that instant was pruned
	 */
	List<ReportEntry> reports(String operation, Instant asOf);

	/**
	 * Who submitted on each stage of an operation, and when.
	 * @param operation operation code
	 * @return each agency's activity by stage and state
	 * @throws TotalsUnavailableException if the store cannot be read right now
	 */
	Map<ActivityKey, Activity> activity(String operation);

}
