/**
 * The benchmark's results: every figure next to its baseline and their ratio, the targets
 * of issue 11 with met or missed, and the machine they were measured on, written as a
 * Markdown table, raw CSV and a PNG chart.
 */
package org.jointops.bench.report;
