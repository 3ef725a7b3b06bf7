package org.jointops.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every released version of every message schema can read data written with the versions
 * before it (and the other way round), and the compiled schema is the latest released
 * version.
 */
class SchemaEvolutionTests {

	static Stream<Class<? extends SpecificRecord>> messageTypes() {
		return SchemaHistory.MESSAGE_TYPES.stream();
	}

	@ParameterizedTest
	@MethodSource("messageTypes")
	void compiledSchemaIsTheLatestReleasedVersion(Class<? extends SpecificRecord> type) throws IOException {
		Schema compiled = SpecificData.get().getSchema(type);
		List<Schema> released = SchemaHistory.bundled().versions(type.getName());
		Schema latest = released.get(released.size() - 1);
		if (!latest.equals(compiled)) {
			Path candidate = Path.of("target", SchemaHistory.folderOf(type.getName()),
					"v" + (released.size() + 1) + ".avsc");
			Files.createDirectories(candidate.getParent());
			Files.writeString(candidate, compiled.toString(true) + "\n");
			assertThat(latest)
				.as("%s changed since its last release: check the evolution rule and release it by "
						+ "copying %s into src/main/avro-history", type.getName(), candidate)
				.isEqualTo(compiled);
		}
	}

	@ParameterizedTest
	@MethodSource("messageTypes")
	void everyReleasedVersionIsCompatibleWithTheOnesBeforeIt(Class<? extends SpecificRecord> type) {
		List<Schema> released = SchemaHistory.bundled().versions(type.getName());
		assertThat(released).isNotEmpty();
		for (int later = 1; later < released.size(); later++) {
			for (int earlier = 0; earlier < later; earlier++) {
				assertThat(SchemaEvolution.problems(released.get(earlier), released.get(later)))
					.as("%s v%d after v%d", type.getName(), later + 1, earlier + 1)
					.isEmpty();
			}
		}
	}

	@Test
	void acceptsAFieldAddedWithADefault() {
		assertThat(SchemaEvolution.problems(fixture("v1"), fixture("v2-added-with-default"))).isEmpty();
	}

	@Test
	void rejectsAFieldAddedWithoutADefault() {
		assertThat(SchemaEvolution.problems(fixture("v1"), fixture("v2-added-without-default")))
			.anySatisfy((problem) -> assertThat(problem).contains("Sample.note: added without a default"));
	}

	@Test
	void rejectsARemovedField() {
		assertThat(SchemaEvolution.problems(fixture("v1"), fixture("v2-removed-field")))
			.anySatisfy((problem) -> assertThat(problem).contains("Sample.count: removed"));
	}

	@Test
	void rejectsAChangedFieldType() {
		assertThat(SchemaEvolution.problems(fixture("v1"), fixture("v2-changed-type")))
			.anySatisfy((problem) -> assertThat(problem).contains("Sample.count: type changed from INT to STRING"));
	}

	@Test
	void historyIndexesEveryReleasedVersionByFingerprint() {
		Map<String, List<Schema>> all = SchemaHistory.bundled().all();
		assertThat(all).containsOnlyKeys(SchemaHistory.MESSAGE_TYPES.stream().map(Class::getName).toList());
		all.values()
			.stream()
			.flatMap(List::stream)
			.forEach(
					(schema) -> assertThat(SchemaHistory.bundled().findByFingerprint(SchemaHistory.fingerprint(schema)))
						.isEqualTo(schema));
	}

	private static Schema fixture(String name) {
		return SchemaEvolution.parseResource("evolution/" + name + ".avsc");
	}

}
