package org.jointops.support.register;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.register.RegisterDocument;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveRegisterTests {

	private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

	private final LiveRegister register = new LiveRegister(Map.of("bootstrap.servers", "localhost:1"), Duration.ZERO);

	@Test
	void anOperationWithoutRecordsHasAnEmptyRegister() {
		assertThat(this.register.of("ILLEGAL-2017")).isEqualTo(RegisterDocument.empty("ILLEGAL-2017"));
		assertThat(this.register.all()).isEmpty();
	}

	@Test
	void appliesEachOperationsNewerVersions() {
		RegisterDocument first = submitted("ILLEGAL-2017", 1);
		this.register.apply(record(0, first));
		this.register.apply(record(1, submitted("KANAL-2017", 1)));
		RegisterDocument second = first.withTransition(new Transition(1, "KAZ", TransitionAction.ACCEPT,
				TransitionAction.ACCEPT.to(), T0.plusSeconds(5), "secretariat", null));
		this.register.apply(record(2, second));
		assertThat(this.register.of("ILLEGAL-2017")).isEqualTo(second);
		assertThat(this.register.of("KANAL-2017").version()).isEqualTo(1);
		assertThat(this.register.all()).hasSize(2);
		assertThat(this.register.applied(0)).isTrue();
		assertThat(this.register.applied(2)).isTrue();
	}

	@Test
	void theFirstOfTwoRecordsOfOneVersionWins() {
		RegisterDocument first = submitted("ILLEGAL-2017", 1);
		RegisterDocument rival = submitted("ILLEGAL-2017", 2);
		this.register.apply(record(7, first));
		this.register.apply(record(8, rival));
		assertThat(this.register.of("ILLEGAL-2017")).isEqualTo(first);
		assertThat(this.register.applied(7)).isTrue();
		assertThat(this.register.applied(8)).as("the writer of the second one answers 409").isFalse();
	}

	@Test
	void skipsRecordsThatAreNotRegisterDocuments() {
		this.register.apply(new ConsumerRecord<>(Topics.REGISTER, 0, 3, "k", "{\"nonsense\": true}"));
		this.register.apply(new ConsumerRecord<>(Topics.REGISTER, 0, 4, "k", null));
		assertThat(this.register.all()).isEmpty();
		assertThat(this.register.applied(3)).isFalse();
	}

	private static RegisterDocument submitted(String operation, int stage) {
		return RegisterDocument.empty(operation)
			.withTransition(new Transition(stage, "KAZ", TransitionAction.SUBMIT, TransitionAction.SUBMIT.to(), T0,
					"kazakhstan", null));
	}

	private static ConsumerRecord<String, String> record(long offset, RegisterDocument document) {
		return new ConsumerRecord<>(Topics.REGISTER, 0, offset,
				RegisterDocument.newKey(document.operation(), document.version()), document.toJson());
	}

}
