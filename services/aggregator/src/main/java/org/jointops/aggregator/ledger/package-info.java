/**
 * The aggregator's ledger as its state stores hold it: one small entry per slot of an
 * operation (a cell, a count of reports, a council-level line), its history with
 * checkpoints, the reports behind it and who submitted when, with the names, keys and
 * arithmetic that the topology writes and the queries read.
 */
package org.jointops.aggregator.ledger;
