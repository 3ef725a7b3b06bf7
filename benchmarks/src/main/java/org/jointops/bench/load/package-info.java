/**
 * The HTTP load generator: one thread, non-blocking sockets, pre-encoded requests, so
 * that on a two-core machine it costs the service under test as little CPU as possible.
 * Closed loop (each connection sends its next request when the previous one is answered)
 * for throughput and latency, paced open loop for a steady background load.
 */
package org.jointops.bench.load;
