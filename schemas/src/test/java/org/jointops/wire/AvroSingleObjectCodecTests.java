package org.jointops.wire;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvroSingleObjectCodecTests {

	private final AvroSingleObjectSerializer serializer = new AvroSingleObjectSerializer();

	private final AvroSingleObjectDeserializer deserializer = new AvroSingleObjectDeserializer();

	@Test
	void readsBackWhatItWrote() {
		ReportRevision report = report();
		byte[] bytes = this.serializer.serialize("findings.kaz", report);
		assertThat(bytes[0]).isEqualTo((byte) 0xC3);
		assertThat(bytes[1]).isEqualTo((byte) 0x01);
		assertThat(this.deserializer.deserialize("findings.kaz", bytes)).isEqualTo(report);
	}

	@Test
	void keepsDecimalsExactInsideMaps() {
		CouncilTotals totals = CouncilTotals.newBuilder()
			.setOperation("ILLEGAL-2017")
			.setVersion(3)
			.setUpdatedAt(Instant.parse("2017-06-02T10:00:00Z"))
			.setReports(2)
			.setLines(List.of(TotalLine.newBuilder()
				.setCategory("FINES_IMPOSED")
				.setUnit("MONEY")
				.setCurrency("USD")
				.setTotal(new BigDecimal("8000000.010"))
				.setByState(Map.of("KAZ", new BigDecimal("3000000.005"), "RUS", new BigDecimal("5000000.005")))
				.setByStage(Map.of("1", new BigDecimal("8000000.010")))
				.build()))
			.build();
		CouncilTotals read = (CouncilTotals) this.deserializer.deserialize("council.totals",
				this.serializer.serialize("council.totals", totals));
		assertThat(read.getLines().get(0).getByState()).containsEntry("KAZ", new BigDecimal("3000000.005"));
		assertThat(read).isEqualTo(totals);
	}

	@Test
	void readsDataWrittenWithAnEarlierVersionOfTheSchema() throws Exception {
		Schema current = ReportRevision.getClassSchema();
		Schema earlier = withoutField(current, "withdrawn");
		GenericRecord old = new GenericData.Record(earlier);
		ReportRevision report = report();
		for (Schema.Field field : earlier.getFields()) {
			old.put(field.name(), (ReportRevision.getClassSchema().getField(field.name()) != null)
					? encodeGeneric(report, field.name()) : null);
		}
		ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), earlier).encode(old);
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);

		AvroSingleObjectDeserializer reader = new AvroSingleObjectDeserializer(
				SchemaHistory.of(Map.of(ReportRevision.class.getName(), List.of(earlier, current))));
		ReportRevision read = (ReportRevision) reader.deserialize("findings.kaz", bytes);

		assertThat(read.getWithdrawn()).as("the default of the field added later").isFalse();
		assertThat(read.getReportId()).isEqualTo(report.getReportId());
		assertThat(read.getPeriodStart()).isEqualTo(report.getPeriodStart());
	}

	@Test
	void namesAWrongMarker() {
		byte[] json = "{\"reportId\": \"x\"}".getBytes();
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("findings.kaz", json))
			.withMessageContaining("Not Avro single-object encoding")
			.withMessageContaining("starting 7B 22");
	}

	@Test
	void namesAnUnknownFingerprint() {
		byte[] bytes = this.serializer.serialize("findings.kaz", report());
		bytes[5] ^= 0x5A;
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("findings.kaz", bytes))
			.withMessageContaining("Unknown schema fingerprint");
	}

	@Test
	void namesATruncatedBody() {
		byte[] bytes = this.serializer.serialize("findings.kaz", report());
		byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("findings.kaz", truncated))
			.withMessageContaining("Corrupt org.jointops.report.ReportRevision body")
			.withMessageContaining("EOFException")
			.satisfies((ex) -> assertThat(ex).hasNoCause()
				.satisfies((corrupt) -> assertThat(corrupt.getSuppressed())
					.as("the decoder's failure, kept for the stack trace")
					.hasSize(1)));
	}

	@Test
	void failsOnlyWithSerializationExceptionsOnGarbageBehindAValidHeader() {
		byte[] valid = this.serializer.serialize("findings.kaz", report());
		Random random = new Random(20261122L);
		for (int i = 0; i < 5_000; i++) {
			byte[] mutated = java.util.Arrays.copyOf(valid, 10 + random.nextInt(valid.length));
			for (int j = 10; j < mutated.length; j++) {
				if (random.nextInt(4) == 0) {
					mutated[j] = (byte) random.nextInt(256);
				}
			}
			try {
				Object read = this.deserializer.deserialize("findings.kaz", mutated);
				assertThat(read).isInstanceOf(ReportRevision.class);
			}
			catch (SerializationException expected) {
				// what the aggregator dead-letters
			}
		}
	}

	private static Object encodeGeneric(ReportRevision report, String field) {
		Object value = report.get(field);
		return switch (field) {
			case "periodStart", "periodEnd" -> (int) ((LocalDate) value).toEpochDay();
			case "submittedAt" -> ((Instant) value).toEpochMilli();
			case "findings" -> List.of();
			default -> value;
		};
	}

	private static Schema withoutField(Schema schema, String name) {
		List<Schema.Field> fields = schema.getFields()
			.stream()
			.filter((field) -> !field.name().equals(name))
			.map((field) -> new Schema.Field(field, field.schema()))
			.toList();
		return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
	}

	private static ReportRevision report() {
		return ReportRevision.newBuilder()
			.setReportId("KAZ-INTERIOR-2017-0001")
			.setRevision(1)
			.setState("KAZ")
			.setAgency("INTERIOR")
			.setOperation("ILLEGAL-2017")
			.setStage(1)
			.setPeriodStart(LocalDate.parse("2017-05-22"))
			.setPeriodEnd(LocalDate.parse("2017-06-02"))
			.setFindings(List.of(
					Finding.newBuilder()
						.setCategory("IMMIGRATION_LAW_VIOLATIONS")
						.setQuantity(new BigDecimal("1520.000"))
						.setUnit("COUNT")
						.build(),
					Finding.newBuilder()
						.setCategory("FINES_IMPOSED")
						.setQuantity(new BigDecimal("125000.500"))
						.setUnit("MONEY")
						.setCurrency("USD")
						.build()))
			.setSubmittedAt(Instant.parse("2017-06-03T08:00:00Z"))
			.build();
	}

}
