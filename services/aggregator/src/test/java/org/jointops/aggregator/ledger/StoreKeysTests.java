package org.jointops.aggregator.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreKeysTests {

	private static final Instant NINE = Instant.parse("2017-06-03T09:00:00Z");

	private static final Instant TEN = Instant.parse("2017-06-03T10:00:00Z");

	@Test
	void reportKeysKeepTheEncodingOfEarlierReleases() {
		ReportKey key = new ReportKey("KAZ", "KAZ-INTERIOR:2017.1");
		byte[] bytes = bytes(ReportKey.SERDE, key);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("KAZ/KAZ-INTERIOR:2017.1");
		assertThat(ReportKey.SERDE.deserializer().deserialize("t", bytes)).isEqualTo(key);
	}

	@Test
	void everyKeyReadsBackAsWritten() {
		Slot cell = new Slot(Slot.Kind.LINE, "FINES_IMPOSED", "KZT", "KAZ", 2, "INTERIOR");
		Slot count = new Slot(Slot.Kind.REPORTS, null, null, "KAZ", 2, "INTERIOR");
		Slot noCurrency = new Slot(Slot.Kind.LINE, "IMMIGRATION_LAW_VIOLATIONS", null, "RUS", 1, "MIGRATION");
		roundTrip(SlotKey.SERDE, new SlotKey("ILLEGAL-2017", cell));
		roundTrip(SlotKey.SERDE, new SlotKey("ILLEGAL-2017", count));
		roundTrip(SlotKey.SERDE, new SlotKey("ILLEGAL-2017", noCurrency));
		roundTrip(CheckpointSlotKey.SERDE, new CheckpointSlotKey("ILLEGAL-2017", TEN, cell));
		roundTrip(CheckpointKey.SERDE, new CheckpointKey("ILLEGAL-2017", TEN));
		roundTrip(ChangeLogKey.SERDE, new ChangeLogKey("ILLEGAL-2017", TEN, 42));
		roundTrip(OperationReportKey.SERDE, new OperationReportKey("ILLEGAL-2017", new ReportKey("KAZ", "R-1")));
		roundTrip(ReportHistoryKey.SERDE, new ReportHistoryKey("ILLEGAL-2017", new ReportKey("KAZ", "R-1"), TEN, 7));
		roundTrip(ActivityKey.SERDE, new ActivityKey("ILLEGAL-2017", 2, "KAZ", "INTERIOR"));
		LineKey.of("ILLEGAL-2017", cell).forEach((line) -> roundTrip(LineKey.SERDE, line));
	}

	@Test
	void numbersAreWrittenAsEarlierReleasesWroteThemZeroPaddedToNineteenDigits() {
		for (long value : new long[] { 0, 1, 9, 10, 42, 1_496_480_400_000L, 999_999_999_999_999_999L,
				Long.MAX_VALUE }) {
			assertThat(Keys.number(value)).hasSize(19).isEqualTo(String.format(Locale.ROOT, "%019d", value));
		}
		assertThat(Keys.number(-7)).isEqualTo(String.format(Locale.ROOT, "%019d", -7L));
	}

	@Test
	void changesOfAnOperationAreOnePrefixInTimeThenVersionOrder() {
		byte[] nineLate = bytes(ChangeLogKey.SERDE, new ChangeLogKey("ILLEGAL-2017", NINE, 10));
		byte[] tenEarly = bytes(ChangeLogKey.SERDE, new ChangeLogKey("ILLEGAL-2017", TEN, 9));
		byte[] tenLater = bytes(ChangeLogKey.SERDE, new ChangeLogKey("ILLEGAL-2017", TEN, 11));
		assertThat(Arrays.compareUnsigned(nineLate, tenEarly)).isNegative();
		assertThat(Arrays.compareUnsigned(tenEarly, tenLater)).isNegative();
		byte[] prefix = LedgerStores.prefixSerializer().serialize("t", LedgerStores.prefix("ILLEGAL-2017"));
		assertThat(Arrays.copyOf(tenLater, prefix.length)).isEqualTo(prefix);
		byte[] other = bytes(ChangeLogKey.SERDE, new ChangeLogKey("ILLEGAL-2017-B", NINE, 1));
		assertThat(Arrays.copyOf(other, prefix.length)).isNotEqualTo(prefix);
	}

	@Test
	void theHistoryOfOneReportIsNotAPrefixOfAnothers() {
		byte[] r10 = bytes(ReportHistoryKey.SERDE,
				new ReportHistoryKey("ILLEGAL-2017", new ReportKey("KAZ", "R10"), NINE, 1));
		byte[] prefixOfR1 = LedgerStores.prefixSerializer()
			.serialize("t", LedgerStores.prefix("ILLEGAL-2017", "KAZ", "R1"));
		assertThat(Arrays.copyOf(r10, prefixOfR1.length)).isNotEqualTo(prefixOfR1);
	}

	@Test
	void keysThatAreNotUtf8AreRefused() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> ReportKey.SERDE.deserializer().deserialize("t", new byte[] { (byte) 0xC3, 0x28 }));
	}

	private static <K> byte[] bytes(Serde<K> serde, K key) {
		return serde.serializer().serialize("t", key);
	}

	private static <K> void roundTrip(Serde<K> serde, K key) {
		assertThat(serde.deserializer().deserialize("t", bytes(serde, key))).isEqualTo(key);
	}

}
