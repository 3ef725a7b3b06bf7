package org.jointops.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreKeysTests {

	@Test
	void reportKeysKeepTheirEncodingAndSurviveSlashesInReportIds() {
		ReportKey key = new ReportKey("KAZ", "KAZ/INTERIOR/2017-1");
		byte[] bytes = ReportKey.SERDE.serializer().serialize("t", key);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("KAZ/KAZ/INTERIOR/2017-1");
		assertThat(ReportKey.SERDE.deserializer().deserialize("t", bytes)).isEqualTo(key);
	}

	@Test
	void changeKeysOfOneOperationShareAPrefixAndSortByVersion() {
		byte[] nine = ChangeKey.SERDE.serializer().serialize("t", new ChangeKey("ILLEGAL-2017", 9));
		byte[] ten = ChangeKey.SERDE.serializer().serialize("t", new ChangeKey("ILLEGAL-2017", 10));
		byte[] prefix = ChangeKey.prefixSerializer().serialize("t", ChangeKey.prefix("ILLEGAL-2017"));
		assertThat(Arrays.compareUnsigned(nine, ten)).isNegative();
		assertThat(Arrays.copyOf(ten, prefix.length)).isEqualTo(prefix);
		assertThat(ChangeKey.SERDE.deserializer().deserialize("t", ten)).isEqualTo(new ChangeKey("ILLEGAL-2017", 10));
	}

	@Test
	void keysThatAreNotUtf8AreRefused() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> ReportKey.SERDE.deserializer().deserialize("t", new byte[] { (byte) 0xC3, 0x28 }));
	}

}
