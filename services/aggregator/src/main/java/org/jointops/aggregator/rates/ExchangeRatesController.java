package org.jointops.aggregator.rates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.openapi.Refusals;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.rates.RateEdits.RateRequest;
import org.jointops.aggregator.register.RegisterChanges;
import org.jointops.aggregator.security.ReaderPrincipal;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RegisterDocument;
import org.jointops.register.RegisterDocument.RateKey;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.register.CurrentRegister;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange rates of an operation: the secretariat sets them (role SECRETARIAT only,
 * under {@code /api/v1/admin}), the secretariat and the states read them. Each rate is
 * recorded in the operation's register ({@code council.register}), corrections as new
 * entries, so that the figures as of an earlier instant keep the rates in force then.
 */
@RestController
@Tag(name = ExchangeRatesController.TAG)
class ExchangeRatesController {

	/** The tag of the rates in the API description. */
	static final String TAG = "exchange rates";

	private final RegisterChanges changes;

	private final CurrentRegister register;

	private final CurrentCatalogue catalogue;

	ExchangeRatesController(RegisterChanges changes, CurrentRegister register, CurrentCatalogue catalogue) {
		this.changes = changes;
		this.register = register;
		this.catalogue = catalogue;
	}

	@PutMapping("/api/v1/admin/operations/{operation}/rates/{stage}/{currency}")
	@Operation(operationId = "putExchangeRate", summary = "Set or correct the exchange rate of a currency for a stage",
			description = """
					Units of the currency per US dollar for one stage of the operation, with its kind, source \
					and date. A rate for a stage and currency that already has one is a correction: a new \
					entry of the register; the earlier one stays in the history, and in force for `asOf` \
					before the correction. The same rate again changes nothing (and answers the current \
					version). Checked whole first (400, nothing written), written to `council.register` and \
					answered once this aggregator applies it; the other services apply it within about half \
					a second. Secretariat only.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "a rate", value = """
							{"unitsPerUsd": "470.55", "kind": "PERIOD_AVERAGE",
							 "source": "UN operational rate, June 2017", "effective": "2017-06-01"}"""))))
	@ApiResponse(responseCode = "200",
			description = "Recorded (or already in force): the register version that " + "applies now and the rate",
			headers = @Header(name = "ETag", description = "The register version, quoted",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400",
			description = "The rate is refused, nothing was written "
					+ "(`urn:jointops:problem:invalid-exchange-rate`): `errors` names each of `stage`, `currency`, "
					+ "`unitsPerUsd`, `kind`, `source`, `effective`, or the body is not JSON")
	@ApiResponse(responseCode = "403", description = "Only the secretariat sets exchange rates")
	@ApiResponse(responseCode = "404",
			description = "The catalogue has no such operation " + "(`urn:jointops:problem:unknown-operation`)")
	@ApiResponse(responseCode = "409",
			description = "Another aggregator instance wrote the same register version "
					+ "first (`urn:jointops:problem:register-change-conflict`): set the rate again")
	@ApiResponse(responseCode = "412", description = "The register is no longer at the version `If-Match` names, or "
			+ "`If-Match` names no version (`urn:jointops:problem:register-version-mismatch`, with `currentVersion`, "
			+ "also as `ETag`)")
	@ApiResponse(responseCode = "415", description = Refusals.NOT_JSON)
	@ApiResponse(responseCode = "503", description = "Kafka did not answer in time: nothing was written, unless "
			+ "`detail` says the version was written and is not applied yet; ask again after `Retry-After` seconds "
			+ "(`urn:jointops:problem:register-unavailable`)",
			headers = @Header(name = "Retry-After", description = "Seconds to wait: 2",
					schema = @Schema(type = "integer")))
	ResponseEntity<RateChange> putRate(@PathVariable String operation,
			@Parameter(description = "The stage number", example = "1") @PathVariable String stage,
			@Parameter(description = "ISO 4217 code in upper case, not USD",
					example = "KZT") @PathVariable String currency,
			@RequestBody RateRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		org.jointops.catalogue.Operation known = this.catalogue.current()
			.operation(operation)
			.orElseThrow(() -> new UnknownOperationException(operation));
		RateEdits.Checked rate = RateEdits.check(known, stage, currency, request);
		Long expected = this.changes.expectedVersion(operation, ifMatch);
		RegisterDocument applied = this.changes.change(operation, expected,
				(current, now) -> RateEdits.record(current, rate, now, reader.name()));
		ExchangeRate inForce = applied.ratesInForce(null).get(new RateKey(rate.stage(), rate.currency()));
		return ResponseEntity.ok()
			.eTag("\"" + applied.version() + "\"")
			.body(new RateChange(operation, applied.version(), applied.changedAt(), applied.changedBy(),
					RateView.of(inForce)));
	}

	@GetMapping("/api/v1/operations/{operation}/rates")
	@Operation(operationId = "getExchangeRates", summary = "The exchange rates of an operation, with their corrections",
			description = """
					Per stage and currency, the rate in force and every rate recorded for it (corrections), \
					oldest first. With `asOf`, those recorded at or before that instant: the rates the figures \
					as of that instant are converted with. The secretariat and the member states.""")
	@ApiResponse(responseCode = "200", description = "The rates",
			headers = @Header(name = "ETag", description = "The register version, quoted",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400",
			description = "An `asOf` that is not an instant " + "(`urn:jointops:problem:invalid-query`)")
	@ApiResponse(responseCode = "403", description = "An observer, or a token that reads no totals")
	@ApiResponse(responseCode = "404",
			description = "The catalogue has no such operation " + "(`urn:jointops:problem:unknown-operation`)")
	ResponseEntity<RatesView> rates(@PathVariable String operation, @RequestParam(required = false) Instant asOf) {
		if (this.catalogue.current().operation(operation).isEmpty()) {
			throw new UnknownOperationException(operation);
		}
		RegisterDocument current = this.register.of(operation);
		return ResponseEntity.ok().eTag("\"" + current.version() + "\"").body(RatesView.of(current, asOf));
	}

	/**
	 * The answer to a rate set.
	 *
	 * @param operation the operation
	 * @param version the register version that applies now (the same as before if the
	 * rate was already in force)
	 * @param changedAt when that version was made
	 * @param changedBy who made it
	 * @param rate the rate in force now for the stage and currency
	 */
	@Schema(name = "ExchangeRateSet", description = "The register version that applies after the change, and the "
			+ "rate in force now for the stage and currency.")
	record RateChange(@Schema(example = "ILLEGAL-2017") String operation,
			@Schema(description = "The register version that applies now (the same as before if the rate was "
					+ "already in force); also the `ETag`", example = "3") long version,
			Instant changedAt,
			@Schema(description = "The reader who made that version", example = "secretariat") String changedBy,
			RateView rate) {
	}

	/**
	 * The rates of an operation.
	 *
	 * @param operation the operation
	 * @param version the register version read
	 * @param asOf the instant asked for, if any
	 * @param rates per stage and currency, by stage then currency
	 */
	@Schema(name = "ExchangeRates", description = "The exchange rates of an operation: per stage and currency, the "
			+ "rate in force and its history.")
	record RatesView(@Schema(example = "ILLEGAL-2017") String operation,
			@Schema(description = "The register version read; also the `ETag`", example = "3") long version,
			@Schema(description = "The instant asked for, if any") @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
			List<StageRate> rates) {

		static RatesView of(RegisterDocument register, Instant asOf) {
			Map<RateKey, List<RateView>> history = new LinkedHashMap<>();
			for (ExchangeRate rate : register.rates()) {
				if (asOf == null || !rate.recordedAt().isAfter(asOf)) {
					history.computeIfAbsent(new RateKey(rate.stage(), rate.currency()), (key) -> new ArrayList<>())
						.add(RateView.of(rate));
				}
			}
			List<StageRate> rates = new ArrayList<>();
			register.ratesInForce(asOf)
				.forEach((key, rate) -> rates
					.add(new StageRate(key.stage(), key.currency(), RateView.of(rate), List.copyOf(history.get(key)))));
			rates.sort(java.util.Comparator.comparingInt(StageRate::stage).thenComparing(StageRate::currency));
			return new RatesView(register.operation(), register.version(), asOf, rates);
		}

	}

	/**
	 * The rate of a stage and currency.
	 *
	 * @param stage the stage
	 * @param currency the currency
	 * @param inForce the rate in force
	 * @param history every rate recorded for it, oldest first, the one in force last
	 */
	@Schema(name = "StageRate", description = "The rate of one stage and currency: the one in force and every one "
			+ "recorded (corrections), oldest first.")
	record StageRate(@Schema(example = "1") int stage, @Schema(example = "KZT") String currency, RateView inForce,
			@Schema(description = "Every rate recorded for the stage and currency, oldest first; the last is in "
					+ "force") List<RateView> history) {
	}

}
