/**
 * {@code ./bench}: the command line of the benchmark.
 */
package org.jointops.bench;
