package org.jointops.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.RandomData;

/**
 * The project's evolution rule, checked between two versions of a schema: the later one
 * only adds fields with defaults, and each reads what the other wrote (full
 * compatibility, so producers and the aggregator can be upgraded in either order).
 */
final class SchemaEvolution {

	private static final int SAMPLES = 50;

	private SchemaEvolution() {
	}

	/**
	 * What is wrong with evolving {@code earlier} into {@code later}.
	 * @param earlier a released version
	 * @param later the version after it
	 * @return the problems, empty if the evolution follows the rule
	 */
	static List<String> problems(Schema earlier, Schema later) {
		List<String> problems = new ArrayList<>();
		onlyAddsFieldsWithDefaults(earlier, later, earlier.getFullName(), problems);
		compatible("later reads earlier", later, earlier, problems);
		compatible("earlier reads later", earlier, later, problems);
		if (problems.isEmpty()) {
			problems.addAll(roundTrips(earlier, later));
			problems.addAll(roundTrips(later, earlier));
		}
		return problems;
	}

	private static void onlyAddsFieldsWithDefaults(Schema earlier, Schema later, String path, List<String> problems) {
		if (earlier.getType() != later.getType()) {
			problems.add(path + ": type changed from " + earlier.getType() + " to " + later.getType());
			return;
		}
		switch (earlier.getType()) {
			case RECORD -> {
				for (Schema.Field field : earlier.getFields()) {
					Schema.Field kept = later.getField(field.name());
					if (kept == null) {
						problems.add(path + "." + field.name() + ": removed");
					}
					else {
						onlyAddsFieldsWithDefaults(field.schema(), kept.schema(), path + "." + field.name(), problems);
					}
				}
				for (Schema.Field field : later.getFields()) {
					if (earlier.getField(field.name()) == null && !field.hasDefaultValue()) {
						problems.add(path + "." + field.name() + ": added without a default");
					}
				}
			}
			case ARRAY ->
				onlyAddsFieldsWithDefaults(earlier.getElementType(), later.getElementType(), path + "[]", problems);
			case MAP -> onlyAddsFieldsWithDefaults(earlier.getValueType(), later.getValueType(), path + "{}", problems);
			case UNION -> {
				if (earlier.getTypes().size() != later.getTypes().size()) {
					problems.add(path + ": union branches changed");
					return;
				}
				for (int i = 0; i < earlier.getTypes().size(); i++) {
					onlyAddsFieldsWithDefaults(earlier.getTypes().get(i), later.getTypes().get(i), path + "|" + i,
							problems);
				}
			}
			default -> {
				if (!earlier.equals(later)) {
					problems.add(path + ": changed from " + earlier + " to " + later);
				}
			}
		}
	}

	private static void compatible(String direction, Schema reader, Schema writer, List<String> problems) {
		var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
		if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
			problems.add(direction + ": " + result.getResult().getIncompatibilities());
		}
	}

	/** Random data written with one version must be readable with the other. */
	private static List<String> roundTrips(Schema writer, Schema reader) {
		List<String> problems = new ArrayList<>();
		for (Object datum : new RandomData(writer, SAMPLES, 20261122L)) {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
				new GenericDatumWriter<>(writer).write(datum, encoder);
				encoder.flush();
				new GenericDatumReader<>(writer, reader).read(null,
						DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
			}
			catch (IOException | RuntimeException ex) {
				problems.add("data written with one version is unreadable with the other: " + ex);
				break;
			}
		}
		return problems;
	}

	static Schema parse(String json) {
		return new Schema.Parser().parse(json);
	}

	static Schema parseResource(String resource) {
		try (var in = SchemaEvolution.class.getClassLoader().getResourceAsStream(resource)) {
			return new Schema.Parser().parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
