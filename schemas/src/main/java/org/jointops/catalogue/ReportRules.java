package org.jointops.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;

/**
 * The rules a report revision must follow against the catalogue. The state producers
 * apply them before anything is published; the aggregator applies them again to what it
 * reads, so a record written past a producer cannot bend the totals.
 */
public final class ReportRules {

	/** Most finding lines one report may carry. */
	public static final int MAX_FINDINGS = 200;

	/**
	 * Largest quantity accepted on one line: anything above is a typing error, not a
	 * finding.
	 */
	public static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999999");

	/** Longest report id. */
	public static final int MAX_REPORT_ID_LENGTH = 100;

	/**
	 * What a report id may be: 1 to {@value #MAX_REPORT_ID_LENGTH} letters, digits,
	 * {@code .}, {@code _}, {@code :} or {@code -}, starting with a letter or digit (as
	 * the API description states it).
	 */
	public static final String REPORT_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_REPORT_ID_LENGTH - 1) + "}$";

	private static final Pattern REPORT_ID = Pattern.compile(REPORT_ID_PATTERN);

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private final Catalogue catalogue;

	public ReportRules(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	public Catalogue catalogue() {
		return this.catalogue;
	}

	/**
	 * Every rule the revision breaks.
	 * @param report a revision; its fields must not be null
	 * @return the violations, empty if the revision is valid
	 */
	public List<Violation> check(ReportRevision report) {
		List<Violation> violations = new ArrayList<>();
		if (!REPORT_ID.matcher(report.getReportId()).matches()) {
			violations.add(new Violation("reportId", "must be 1 to " + MAX_REPORT_ID_LENGTH
					+ " letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
		}
		if (report.getRevision() < 1) {
			violations.add(new Violation("revision", "must be 1 or more, found " + report.getRevision()));
		}
		if (this.catalogue.state(report.getState()).isEmpty()) {
			violations.add(new Violation("state", "unknown member state " + Untrusted.quoted(report.getState())));
		}
		if (this.catalogue.agency(report.getAgency()).isEmpty()) {
			violations.add(new Violation("agency", "unknown agency " + Untrusted.quoted(report.getAgency())
					+ "; expected one of " + codes(this.catalogue.agencies().stream().map(Agency::code).toList())));
		}
		Optional<Operation> operation = this.catalogue.operation(report.getOperation());
		if (operation.isEmpty()) {
			violations.add(new Violation("operation", "unknown operation " + Untrusted.quoted(report.getOperation())));
		}
		else {
			checkStageAndPeriod(report, operation.get(), violations);
		}
		checkFindings(report, operation.orElse(null), violations);
		return violations;
	}

	/**
	 * Every rule a new submission breaks: those of {@link #check}, and, unless it is a
	 * withdrawal, no retired operation or category. The aggregator checks what it reads
	 * with {@link #check} only, so reports in a category retired later stay counted.
	 * @param report a revision a producer is asked to accept; its fields must not be null
	 * @return the violations, empty if the revision may be accepted
	 */
	public List<Violation> checkSubmission(ReportRevision report) {
		List<Violation> violations = check(report);
		if (report.getWithdrawn()) {
			return violations;
		}
		this.catalogue.operation(report.getOperation())
			.filter(Operation::retired)
			.ifPresent((operation) -> violations.add(new Violation("operation", "operation " + operation.code()
					+ " was retired from the catalogue and takes no new figures (a withdrawal is still accepted)")));
		List<Finding> findings = report.getFindings();
		for (int i = 0; i < findings.size() && i < MAX_FINDINGS; i++) {
			Category category = this.catalogue.category(findings.get(i).getCategory()).orElse(null);
			if (category != null && category.retired()) {
				violations.add(new Violation("findings[" + i + "].category",
						"category " + category.code() + " was retired from the catalogue and takes no new figures "
								+ "(a withdrawal of a report that used it is still accepted)"));
			}
		}
		return violations;
	}

	private void checkStageAndPeriod(ReportRevision report, Operation operation, List<Violation> violations) {
		LocalDate start = report.getPeriodStart();
		LocalDate end = report.getPeriodEnd();
		if (end.isBefore(start)) {
			violations.add(new Violation("periodEnd", "must not be before periodStart (" + start + ")"));
		}
		Optional<Stage> stage = operation.stage(report.getStage());
		if (stage.isEmpty()) {
			violations.add(new Violation("stage", "operation " + operation.code() + " has no stage " + report.getStage()
					+ "; its stages are " + codes(operation.stages().stream().map(Stage::stage).toList())));
			return;
		}
		Stage window = stage.get();
		String outside = " is outside stage " + window.stage() + " of " + operation.code() + " (" + window.start()
				+ " to " + window.end() + ")";
		if (!window.covers(start)) {
			violations.add(new Violation("periodStart", start + outside));
		}
		if (!window.covers(end)) {
			violations.add(new Violation("periodEnd", end + outside));
		}
	}

	private void checkFindings(ReportRevision report, Operation operation, List<Violation> violations) {
		List<Finding> findings = report.getFindings();
		if (findings.size() > MAX_FINDINGS) {
			violations.add(new Violation("findings", "at most " + MAX_FINDINGS + " lines, found " + findings.size()));
			return;
		}
		Map<String, Integer> lineOf = new HashMap<>();
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			String at = "findings[" + i + "].";
			Optional<Category> category = this.catalogue.category(finding.getCategory());
			if (category.isEmpty()) {
				violations
					.add(new Violation(at + "category", "unknown category " + Untrusted.quoted(finding.getCategory())));
			}
			else if (operation != null && !this.catalogue.allows(operation, finding.getCategory())) {
				violations.add(new Violation(at + "category", finding.getCategory() + " is not a category of "
						+ operation.code() + " (programme " + operation.programme() + ")"));
			}
			else {
				checkQuantity(finding, category.get(), at, violations);
			}
			Integer earlier = lineOf.putIfAbsent(lineKey(finding), i);
			if (earlier != null) {
				violations.add(new Violation(at + "category", Untrusted.shortened(finding.getCategory())
						+ ((finding.getCurrency() != null) ? " in " + Untrusted.shortened(finding.getCurrency()) : "")
						+ " already appears at findings[" + earlier + "]; send one line per category"
						+ ((finding.getCurrency() != null) ? " and currency" : "")));
			}
		}
		checkOfWhichLines(findings, lineOf, violations);
	}

	private void checkQuantity(Finding finding, Category category, String at, List<Violation> violations) {
		BigDecimal quantity = finding.getQuantity();
		if (!Objects.equals(finding.getUnit(), category.unit().name())) {
			violations.add(new Violation(at + "unit", "is " + Untrusted.quoted(finding.getUnit()) + " but "
					+ category.code() + " is counted in " + category.unit()));
		}
		if (quantity.signum() < 0) {
			violations.add(new Violation(at + "quantity", "must not be negative, found " + display(quantity)));
		}
		else if (quantity.compareTo(MAX_QUANTITY) > 0) {
			violations.add(new Violation(at + "quantity",
					"is implausibly large (more than " + MAX_QUANTITY.toPlainString() + "); check the figure"));
		}
		else if (decimalsOf(quantity) > category.unit().scale()) {
			violations.add(new Violation(at + "quantity", switch (category.unit()) {
				case COUNT -> "a count must be a whole number, found " + display(quantity);
				case MONEY -> "money has at most 2 decimals, found " + display(quantity);
				case KILOGRAM -> "kilograms have at most 3 decimals (grams), found " + display(quantity);
			}));
		}
		if (category.unit() == Unit.MONEY) {
			if (finding.getCurrency() == null) {
				violations
					.add(new Violation(at + "currency", "a money amount needs a currency (ISO 4217 code, e.g. USD)"));
			}
			else if (!CURRENCIES.contains(finding.getCurrency())) {
				violations.add(new Violation(at + "currency", Untrusted.quoted(finding.getCurrency())
						+ " is not an ISO 4217 currency code (e.g. USD, KZT, RUB)"));
			}
		}
		else if (finding.getCurrency() != null) {
			violations.add(new Violation(at + "currency",
					category.code() + " is counted in " + category.unit() + "; only money amounts have a currency"));
		}
	}

	private void checkOfWhichLines(List<Finding> findings, Map<String, Integer> lineOf, List<Violation> violations) {
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			Category category = this.catalogue.category(finding.getCategory()).orElse(null);
			if (category == null || !category.isPartOfParent()) {
				continue;
			}
			Integer parentLine = lineOf.get(lineKey(category.parent(), finding.getCurrency()));
			if (parentLine == null) {
				violations
					.add(new Violation("findings[" + i + "].category", category.code() + " is an 'of which' line of "
							+ category.parent() + "; the report must give " + category.parent() + " as well"));
			}
			else if (finding.getQuantity().compareTo(findings.get(parentLine).getQuantity()) > 0) {
				violations.add(new Violation("findings[" + i + "].quantity",
						category.code() + " (" + display(finding.getQuantity()) + ") is part of " + category.parent()
								+ " and cannot exceed it (" + display(findings.get(parentLine).getQuantity()) + ")"));
			}
		}
	}

	private static String lineKey(Finding finding) {
		return lineKey(finding.getCategory(), finding.getCurrency());
	}

	private static String lineKey(String category, String currency) {
		return (currency != null) ? category + "/" + currency : category;
	}

	/**
	 * A quantity for a message: plain digits when they are few, scientific notation
	 * otherwise (an exponent like {@code 1e999999999} is short to send and must not
	 * become a billion digits).
	 * @param quantity the quantity
	 * @return the quantity as a message shows it
	 */
	private static String display(BigDecimal quantity) {
		BigDecimal stripped = quantity.stripTrailingZeros();
		boolean plainIsShort = stripped.precision() <= 40 && Math.abs((long) stripped.scale()) <= 20;
		return plainIsShort ? stripped.toPlainString() : stripped.toString();
	}

	private static int decimalsOf(BigDecimal quantity) {
		return Math.max(0, quantity.stripTrailingZeros().scale());
	}

	private static String codes(List<?> codes) {
		return codes.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
