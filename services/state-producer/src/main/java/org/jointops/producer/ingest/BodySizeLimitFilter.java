package org.jointops.producer.ingest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jointops.producer.ProducerProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops reading a request body past {@code jointops.max-body-size} (for a batch
 * {@code jointops.batch.max-body-size}), whatever its declared length (or none, when
 * chunked): the read fails with {@link BodyTooLargeException}, answered 413. A report is
 * parsed only if it fits. A body whose declared length is already too long is refused
 * before a byte of it is read, so a client that sent {@code Expect: 100-continue} never
 * has to send it.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

	/** Requests to paths ending so are batches, with their own limit. */
	public static final String BATCH_SUFFIX = ":batch";

	private final long limit;

	private final long batchLimit;

	BodySizeLimitFilter(ProducerProperties properties) {
		this.limit = properties.maxBodySize().toBytes();
		this.batchLimit = properties.batch().maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long applicable = request.getRequestURI().endsWith(BATCH_SUFFIX) ? this.batchLimit : this.limit;
		chain.doFilter(new LimitedRequest(request, applicable), response);
	}

	/**
	 * A body longer than the limit.
	 */
	static class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("The body is longer than " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.limit, getContentLengthLong());
			}
			return this.body;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private final long declaredLength;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long limit, long declaredLength) {
			this.delegate = delegate;
			this.limit = limit;
			this.declaredLength = declaredLength;
		}

		@Override
		public int read() throws IOException {
			refuseIfDeclaredTooLong();
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			refuseIfDeclaredTooLong();
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void refuseIfDeclaredTooLong() throws BodyTooLargeException {
			if (this.declaredLength > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		private void count(int bytes) throws BodyTooLargeException {
			this.read += bytes;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
