package org.jointops.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegisterDocumentTests {

	private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

	@Test
	void statusIsOpenUntilATransitionSaysOtherwise() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		assertThat(register.status(1, "KAZ")).isEqualTo(SubmissionStatus.OPEN);
		assertThat(register.version()).isZero();
	}

	@Test
	void statusIsTheLastTransitionOfThatStageAndState() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017")
			.withTransition(transition(1, "KAZ", TransitionAction.SUBMIT, T0))
			.withTransition(transition(2, "KAZ", TransitionAction.SUBMIT, T0.plusSeconds(1)))
			.withTransition(transition(1, "KAZ", TransitionAction.ACCEPT, T0.plusSeconds(2)));
		assertThat(register.status(1, "KAZ")).isEqualTo(SubmissionStatus.ACCEPTED);
		assertThat(register.status(2, "KAZ")).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(register.status(1, "RUS")).isEqualTo(SubmissionStatus.OPEN);
		assertThat(register.version()).isEqualTo(3);
		assertThat(register.status(1, "KAZ").locked()).isTrue();
		assertThat(register.status(1, "KAZ").isFinal()).isTrue();
	}

	@Test
	void transitionsAreCheckedAgainstTheCurrentStatus() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		assertThat(register.check(TransitionAction.ACCEPT, 1, "KAZ", null))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("is OPEN")
				.contains("ACCEPT is possible only from [SUBMITTED]"));
		assertThat(register.check(TransitionAction.SUBMIT, 1, "KAZ", null)).isEmpty();
		RegisterDocument submitted = register.withTransition(transition(1, "KAZ", TransitionAction.SUBMIT, T0));
		assertThat(submitted.check(TransitionAction.RETURN, 1, "KAZ", " "))
			.hasValue("RETURN needs a comment saying why");
		assertThat(submitted.check(TransitionAction.RETURN, 1, "KAZ", "stage 1 fines missing")).isEmpty();
	}

	@Test
	void theRateInForceIsTheOneRecordedLastAtOrBeforeTheInstant() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017")
			.withRate(rate(1, "KZT", "320.50", T0))
			.withRate(rate(1, "RUB", "57.10", T0.plusSeconds(10)))
			.withRate(rate(1, "KZT", "321.00", T0.plusSeconds(20)));
		RegisterDocument.RateKey kzt = new RegisterDocument.RateKey(1, "KZT");
		assertThat(register.ratesInForce(null).get(kzt).unitsPerUsd()).isEqualByComparingTo("321.00");
		assertThat(register.ratesInForce(T0.plusSeconds(19)).get(kzt).unitsPerUsd()).isEqualByComparingTo("320.50");
		assertThat(register.ratesInForce(T0.plusSeconds(20)).get(kzt).unitsPerUsd()).isEqualByComparingTo("321.00");
		assertThat(register.ratesInForce(T0.minusMillis(1))).isEmpty();
		assertThat(register.ratesInForce(T0.plusSeconds(10))).hasSize(2);
	}

	@Test
	void publicationsAreNumberedFromOne() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		assertThat(register.nextPublicationNumber()).isEqualTo(1);
		RegisterDocument published = register
			.withPublication(new PublicationEntry(1, T0, "secretariat", FigureStatus.PRELIMINARY, "k1", 14));
		assertThat(published.nextPublicationNumber()).isEqualTo(2);
		assertThat(published.latestPublication()).map(PublicationEntry::snapshotKey).hasValue("k1");
		assertThat(published.publication(2)).isEmpty();
	}

	@Test
	void aDocumentSurvivesItsJsonExactly() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017")
			.withRate(rate(2, "AMD", "484.123456", T0))
			.withTransition(transition(2, "ARM", TransitionAction.SUBMIT, T0.plusSeconds(1)))
			.withPublication(
					new PublicationEntry(1, T0.plusSeconds(2), "secretariat", FigureStatus.PRELIMINARY, "k1", 14));
		RegisterDocument read = RegisterDocument.fromJson(register.toJson());
		assertThat(read).isEqualTo(register);
		assertThat(read.rates().get(0).unitsPerUsd()).isEqualTo(new BigDecimal("484.123456"));
	}

	@Test
	void aRecordThatIsNotADocumentIsRefused() {
		assertThatExceptionOfType(InvalidRegisterException.class).isThrownBy(() -> RegisterDocument.fromJson(null));
		assertThatExceptionOfType(InvalidRegisterException.class)
			.isThrownBy(() -> RegisterDocument.fromJson("{\"operation\": \"X\", \"version\": 0}"));
		assertThatExceptionOfType(InvalidRegisterException.class)
			.isThrownBy(() -> RegisterDocument.fromJson("not json"));
	}

	private static Transition transition(int stage, String state, TransitionAction action, Instant at) {
		return new Transition(stage, state, action, action.to(), at, "secretariat", null);
	}

	private static ExchangeRate rate(int stage, String currency, String unitsPerUsd, Instant at) {
		return new ExchangeRate(stage, currency, new BigDecimal(unitsPerUsd), RateKind.PERIOD_AVERAGE,
				"UN operational rate", LocalDate.of(2017, 6, 1), at, "secretariat");
	}

}
