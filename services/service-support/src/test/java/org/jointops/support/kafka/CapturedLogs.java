package org.jointops.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The log events of a logger and its children while a test runs, kept in memory.
 */
final class CapturedLogs implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private CapturedLogs(Logger logger) {
		this.logger = logger;
		this.appender.start();
		logger.addAppender(this.appender);
	}

	/**
	 * Captures what every logger logs (at the levels the test configuration lets
	 * through).
	 * @return the captured logs; close them
	 */
	static CapturedLogs all() {
		return new CapturedLogs((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
	}

	/**
	 * Captures what a class logs.
	 * @param type the class
	 * @return the captured logs; close them
	 */
	static CapturedLogs of(Class<?> type) {
		return new CapturedLogs((Logger) LoggerFactory.getLogger(type));
	}

	/**
	 * The events so far.
	 * @return a copy
	 */
	List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/**
	 * The events at a level.
	 * @param level the level
	 * @return their formatted messages
	 */
	List<String> at(Level level) {
		return events().stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	/**
	 * The events at WARN or above from loggers whose names start with some prefixes.
	 * @param prefixes logger name prefixes, e.g. {@code org.apache.kafka.clients}
	 * @return the events, as logger, level and message
	 */
	List<String> warningsFrom(String... prefixes) {
		return events().stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.filter((event) -> Stream.of(prefixes).anyMatch(event.getLoggerName()::startsWith))
			.map((event) -> event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage())
			.toList();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}
