package org.jointops.bench.load;

import java.util.Map;

/**
 * What a load run measured in its measurement window.
 *
 * @param connections concurrent connections (clients)
 * @param seconds length of the measurement window
 * @param requests requests answered within the window
 * @param units units of work the answers confirmed (reports, for batches)
 * @param failures answers that were not successes, and requests whose connection failed
 * @param latency latency of the successful requests, from writing the request (or, in a
 * paced run, from when it was due) to reading the whole answer
 * @param statuses count of answers per status code
 * @param clientCpuShare CPU time of the load generator's process over the window, as a
 * share of one core
 * @param serverCpuShare CPU time of the service under test over the window, as a share of
 * one core, or -1 if unknown
 */
public record LoadResult(int connections, double seconds, long requests, long units, long failures, Latencies latency,
		Map<Integer, Long> statuses, double clientCpuShare, double serverCpuShare) {

	/**
	 * Requests answered per second.
	 * @return requests per second
	 */
	public double requestsPerSecond() {
		return this.requests / this.seconds;
	}

	/**
	 * Units of work confirmed per second (reports per second for batches).
	 * @return units per second
	 */
	public double unitsPerSecond() {
		return this.units / this.seconds;
	}

	/**
	 * CPU microseconds the load generator spent per request.
	 * @return microseconds per request
	 */
	public double clientMicrosPerRequest() {
		return (this.requests > 0) ? this.clientCpuShare * this.seconds * 1_000_000 / this.requests : 0;
	}

}
