package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Jackson's failures to read a report, in a client's words: the field as the JSON names
 * it and what JSON was expected there. Shared by the single and the batch endpoints, so a
 * report is refused for the same reason whichever way it came.
 */
public final class JsonViolations {

	/** The field named when the body (or a batch element) as a whole is wrong. */
	public static final String WHOLE_BODY = "body";

	private static final String FIELDS = "the fields of a report are reportId, revision, state, agency, operation, "
			+ "stage, periodStart, periodEnd, withdrawn, findings (category, quantity, currency)";

	private static final Map<Class<?>, String> EXPECTED = Map.of(Integer.class, "a whole number", int.class,
			"a whole number", BigDecimal.class, "a number", LocalDate.class, "a date as YYYY-MM-DD", String.class,
			"a string", Boolean.class, "true or false", List.class, "an array", ReportRequest.FindingRequest.class,
			"a finding line as an object {category, quantity, currency}", ReportRequest.class,
			"one report as a JSON object");

	private JsonViolations() {
	}

	/**
	 * What is wrong with a body Jackson could not read as a report.
	 * @param ex the failure, or one caused by it
	 * @return the field (e.g. {@code findings[1].quantity}) and the reason
	 */
	public static Violation of(Throwable ex) {
		JacksonException jackson = causeOf(ex, JacksonException.class);
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			return new Violation(pathOf(unknown), "unknown field; " + FIELDS);
		}
		if (jackson instanceof InvalidFormatException format) {
			return new Violation(pathOf(format), "expected " + expected(format.getTargetType()) + ", found "
					+ ((format.getValue() instanceof String text) ? Untrusted.quoted(text) : "another value"));
		}
		if (jackson instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			// Jackson's own message names Java types; the client is told what JSON was
			// expected
			return new Violation(pathOf(mismatch),
					"expected " + expected(mismatch.getTargetType()) + ", found " + found(mismatch));
		}
		if (jackson instanceof InputCoercionException coercion) {
			return new Violation(pathOf(coercion),
					"the number is out of range for " + expected(coercion.getTargetType()));
		}
		if (jackson instanceof StreamReadException malformed) {
			String where = (malformed.getLocation() != null) ? " at line " + malformed.getLocation().getLineNr()
					+ ", column " + malformed.getLocation().getColumnNr() : "";
			return new Violation(pathOf(malformed),
					"the body is not well-formed JSON" + where + ": " + firstLine(malformed.getOriginalMessage()));
		}
		if (jackson != null && !jackson.getPath().isEmpty()) {
			return new Violation(pathOf(jackson), firstLine(jackson.getOriginalMessage()));
		}
		return new Violation(WHOLE_BODY, "the body must be one report as a JSON object");
	}

	/**
	 * Where in the report the problem is, e.g. {@code findings[1].quantity}.
	 * @param ex the failure to read the report
	 * @return the path of the offending field
	 */
	private static String pathOf(JacksonException ex) {
		Deque<String> parts = new ArrayDeque<>();
		if (!ex.getPath().isEmpty()) {
			ex.getPath()
				.forEach((reference) -> parts.add((reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]"));
		}
		else if (ex instanceof StreamReadException streamRead && streamRead.processor() != null) {
			for (TokenStreamContext context = streamRead.processor().streamReadContext(); context != null
					&& !context.inRoot(); context = context.getParent()) {
				if (context.inArray()) {
					parts.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
				}
				else if (context.currentName() != null) {
					parts.addFirst(context.currentName());
				}
			}
		}
		StringBuilder path = new StringBuilder();
		for (String part : parts) {
			if (!path.isEmpty() && !part.startsWith("[")) {
				path.append('.');
			}
			path.append(part);
		}
		return path.isEmpty() ? WHOLE_BODY : Untrusted.shortened(path.toString());
	}

	static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String expected(Class<?> type) {
		return (type != null) ? EXPECTED.getOrDefault(type, "a " + type.getSimpleName()) : "another value";
	}

	/**
	 * What the client sent where something else was expected, in JSON's words.
	 * @param ex the failure to read the report
	 * @return what was found, e.g. {@code a string}
	 */
	private static String found(JacksonException ex) {
		JsonToken token = (ex.processor() instanceof JsonParser parser) ? parser.currentToken() : null;
		if (token == null) {
			return "another value";
		}
		return switch (token) {
			case START_ARRAY, END_ARRAY -> "an array";
			case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "true or false";
			case VALUE_NULL -> "null";
			default -> "another value";
		};
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
