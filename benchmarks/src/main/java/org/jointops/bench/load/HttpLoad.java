package org.jointops.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * An HTTP/1.1 load generator on one thread with non-blocking sockets: each connection
 * carries one request at a time (no pipelining), keeps the connection alive, and opens a
 * new one when the server closes it (Tomcat does after 100 requests, as for any client).
 * Requests are encoded before they are sent, so the generator's own cost per request is a
 * write, a read and a few comparisons.
 * <p>
 * Only answers that complete inside the measurement window count; a warm-up comes first,
 * so that both sides have compiled their hot paths.
 */
public final class HttpLoad {

	/** A request unanswered for this long fails, and its connection is opened again. */
	private static final long REQUEST_TIMEOUT = TimeUnit.SECONDS.toNanos(60);

	private static final long MAX_SELECT_MILLIS = 20;

	private final HttpTarget target;

	private final Supplier<byte[]> requests;

	private final Answer answer;

	private final LongSupplier serverCpuNanos;

	private HttpLoad(HttpTarget target, Supplier<byte[]> requests, Answer answer, LongSupplier serverCpuNanos) {
		this.target = target;
		this.requests = requests;
		this.answer = answer;
		this.serverCpuNanos = serverCpuNanos;
	}

	/**
	 * A load on a target.
	 * @param target where requests go
	 * @param requests the next request's bytes ({@link HttpTarget#post}), called on the
	 * generator's thread once per request
	 * @param answer what a successful answer is
	 * @param serverCpuNanos the CPU time of the service under test so far, in
	 * nanoseconds, or null if unknown
	 * @return the load, not yet run
	 */
	public static HttpLoad of(HttpTarget target, Supplier<byte[]> requests, Answer answer,
			LongSupplier serverCpuNanos) {
		return new HttpLoad(target, requests, answer, serverCpuNanos);
	}

	/**
	 * A closed loop: every connection sends its next request as soon as the previous one
	 * is answered.
	 * @param connections concurrent connections (clients)
	 * @param warmup how long the load runs before measuring
	 * @param measured how long it is measured
	 * @return what was measured
	 */
	public LoadResult closedLoop(int connections, Duration warmup, Duration measured) {
		return run(connections, warmup, measured, 0);
	}

	/**
	 * An open loop at a fixed rate: a request is due every {@code 1/perSecond} seconds
	 * and goes out on the first free connection; its latency counts from when it was due,
	 * so a server that falls behind shows it.
	 * @param maxConnections most requests in flight at once
	 * @param perSecond requests per second
	 * @param duration how long
	 * @return what was measured (no warm-up)
	 */
	public LoadResult paced(int maxConnections, double perSecond, Duration duration) {
		return run(maxConnections, Duration.ZERO, duration, perSecond);
	}

	private LoadResult run(int connections, Duration warmup, Duration measured, double perSecond) {
		try (Selector selector = Selector.open()) {
			return new Run(selector, connections, warmup, measured, perSecond).execute();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The load generator failed", ex);
		}
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * One run of the load.
	 */
	private final class Run {

		private final Selector selector;

		private final int size;

		private final List<Connection> all = new ArrayList<>();

		private final ArrayDeque<Connection> idle = new ArrayDeque<>();

		private final long windowStart;

		private final long windowEnd;

		private final double intervalNanos;

		private double nextDue;

		private final Histogram latency = Latencies.microsHistogram();

		private final Map<Integer, Long> statuses = new TreeMap<>();

		private long answered;

		private long units;

		private long failures;

		private boolean measuring;

		private long clientCpuStart;

		private long serverCpuStart;

		private long lastTimeoutCheck;

		Run(Selector selector, int size, Duration warmup, Duration measured, double perSecond) {
			this.selector = selector;
			this.size = size;
			long begin = System.nanoTime();
			this.windowStart = begin + warmup.toNanos();
			this.windowEnd = this.windowStart + measured.toNanos();
			this.intervalNanos = (perSecond > 0) ? 1e9 / perSecond : 0;
			this.nextDue = begin;
			this.lastTimeoutCheck = begin;
		}

		LoadResult execute() throws IOException {
			for (int i = 0; i < this.size; i++) {
				Connection connection = new Connection();
				this.all.add(connection);
				open(connection);
			}
			double clientShare;
			double serverShare;
			try {
				while (true) {
					long now = System.nanoTime();
					if (!this.measuring && now >= this.windowStart) {
						this.measuring = true;
						this.clientCpuStart = processCpuNanos();
						this.serverCpuStart = serverCpu();
					}
					if (now >= this.windowEnd) {
						double window = this.windowEnd - this.windowStart;
						clientShare = (processCpuNanos() - this.clientCpuStart) / window;
						long server = serverCpu();
						serverShare = (server >= 0 && this.serverCpuStart >= 0)
								? (server - this.serverCpuStart) / window : -1;
						break;
					}
					dispatch(now);
					long wait = waitMillis(now);
					if (wait <= 0) {
						this.selector.selectNow();
					}
					else {
						this.selector.select(wait);
					}
					Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						handle(key, (Connection) key.attachment());
					}
					checkTimeouts(System.nanoTime());
				}
			}
			finally {
				for (Connection connection : this.all) {
					connection.close();
				}
			}
			double seconds = (this.windowEnd - this.windowStart) / 1e9;
			return new LoadResult(this.size, seconds, this.answered, this.units, this.failures,
					Latencies.ofMicros(this.latency), Map.copyOf(this.statuses), clientShare, serverShare);
		}

		private long serverCpu() {
			return (HttpLoad.this.serverCpuNanos != null) ? HttpLoad.this.serverCpuNanos.getAsLong() : -1;
		}

		private long waitMillis(long now) {
			long until = Math.min(this.windowEnd, this.measuring ? this.windowEnd : this.windowStart);
			if (this.intervalNanos > 0 && !this.idle.isEmpty()) {
				until = Math.min(until, (long) this.nextDue);
			}
			long millis = TimeUnit.NANOSECONDS.toMillis(until - now);
			return Math.min(millis, MAX_SELECT_MILLIS);
		}

		private void dispatch(long now) throws IOException {
			if (this.intervalNanos == 0) {
				while (!this.idle.isEmpty()) {
					send(this.idle.poll(), now);
				}
				return;
			}
			while (this.nextDue <= now && !this.idle.isEmpty()) {
				send(this.idle.poll(), (long) this.nextDue);
				this.nextDue += this.intervalNanos;
			}
		}

		private void open(Connection connection) throws IOException {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			connection.reset(channel);
			if (channel.connect(HttpLoad.this.target.address())) {
				connection.key = channel.register(this.selector, 0, connection);
				this.idle.add(connection);
			}
			else {
				connection.key = channel.register(this.selector, SelectionKey.OP_CONNECT, connection);
			}
		}

		private void send(Connection connection, long due) throws IOException {
			connection.out = ByteBuffer.wrap(HttpLoad.this.requests.get());
			connection.started = due;
			connection.busy = true;
			connection.channel.write(connection.out);
			connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		private void handle(SelectionKey key, Connection connection) throws IOException {
			if (!key.isValid()) {
				return;
			}
			try {
				if (key.isConnectable()) {
					connection.channel.finishConnect();
					key.interestOps(0);
					this.idle.add(connection);
					return;
				}
				if (key.isWritable()) {
					connection.channel.write(connection.out);
					if (!connection.out.hasRemaining()) {
						key.interestOps(SelectionKey.OP_READ);
					}
				}
				if (key.isReadable()) {
					read(connection);
				}
			}
			catch (IOException ex) {
				fail(connection);
			}
		}

		private void read(Connection connection) throws IOException {
			if (connection.length == connection.in.length) {
				connection.in = Arrays.copyOf(connection.in, connection.in.length * 2);
			}
			int read = connection.channel
				.read(ByteBuffer.wrap(connection.in, connection.length, connection.in.length - connection.length));
			if (read < 0) {
				fail(connection);
				return;
			}
			connection.length += read;
			HttpResponses.Response response = HttpResponses.parse(connection.in, connection.length,
					HttpLoad.this.answer.needsBody());
			if (response == null) {
				return;
			}
			long now = System.nanoTime();
			connection.busy = false;
			connection.length = 0;
			if (now >= this.windowStart && now < this.windowEnd) {
				this.answered++;
				this.statuses.merge(response.status(), 1L, Long::sum);
				int confirmed = HttpLoad.this.answer.units(response.status(), response.body());
				if (confirmed >= 0) {
					this.units += confirmed;
					this.latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(now - connection.started)));
				}
				else {
					this.failures++;
				}
			}
			if (response.close()) {
				connection.close();
				open(connection);
			}
			else {
				connection.key.interestOps(0);
				this.idle.add(connection);
			}
		}

		private void fail(Connection connection) throws IOException {
			long now = System.nanoTime();
			if (connection.busy && now >= this.windowStart && now < this.windowEnd) {
				this.failures++;
				this.statuses.merge(-1, 1L, Long::sum);
			}
			this.idle.remove(connection);
			connection.close();
			open(connection);
		}

		private void checkTimeouts(long now) throws IOException {
			if (now - this.lastTimeoutCheck < TimeUnit.SECONDS.toNanos(1)) {
				return;
			}
			this.lastTimeoutCheck = now;
			for (Connection connection : this.all) {
				if (connection.busy && now - connection.started > REQUEST_TIMEOUT) {
					fail(connection);
				}
			}
		}

	}

	/**
	 * One client connection and the request it carries.
	 */
	private static final class Connection {

		private SocketChannel channel;

		private SelectionKey key;

		private ByteBuffer out;

		private byte[] in = new byte[16 * 1024];

		private int length;

		private long started;

		private boolean busy;

		void reset(SocketChannel channel) {
			this.channel = channel;
			this.key = null;
			this.out = null;
			this.length = 0;
			this.busy = false;
		}

		void close() {
			try {
				if (this.channel != null) {
					this.channel.close();
				}
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
