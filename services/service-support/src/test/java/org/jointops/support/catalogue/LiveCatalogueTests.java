package org.jointops.support.catalogue;

import java.time.Instant;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueDocument;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.InvalidCatalogueException;
import org.jointops.catalogue.Programme;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which records of {@code catalogue.changes} a service applies.
 */
class LiveCatalogueTests {

	private static final Catalogue BUNDLED = CatalogueLoader.bundled();

	private static final CatalogueSnapshot START = CatalogueSnapshot.initial(BUNDLED);

	@Test
	void appliesANewerVersionCompletedWithTheStartUpContent() {
		CatalogueContent content = BUNDLED.content();
		CatalogueContent lacking = new CatalogueContent(content.states(), content.agencies(), content.programmes(),
				content.operations().subList(0, 1));
		String value = new CatalogueDocument(3, Instant.parse("2026-05-04T10:00:00Z"), "secretariat", lacking).toJson();

		CatalogueSnapshot next = LiveCatalogue.next(START, value, 41, content);

		assertThat(next.version()).isEqualTo(3);
		assertThat(next.offset()).isEqualTo(41);
		assertThat(next.changedBy()).isEqualTo("secretariat");
		assertThat(next.catalogue().operations()).as("the start-up operations stay")
			.hasSameSizeAs(content.operations());
	}

	@Test
	void skipsAVersionThatIsNotNewer() {
		CatalogueSnapshot current = LiveCatalogue.next(START, document(2, BUNDLED.content()), 5, BUNDLED.content());

		assertThat(LiveCatalogue.next(current, document(2, BUNDLED.content()), 6, BUNDLED.content())).isNull();
		assertThat(LiveCatalogue.next(current, document(1, BUNDLED.content()), 7, BUNDLED.content())).isNull();
	}

	@Test
	void refusesGarbageAndAVersionThatBreaksTheEvolutionRules() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> LiveCatalogue.next(START, "not json", 0, BUNDLED.content()));
		CatalogueContent content = BUNDLED.content();
		CatalogueContent unitChanged = new CatalogueContent(content.states(), content.agencies(),
				content.programmes()
					.stream()
					.map((p) -> new Programme(p.code(), p.name(), p.council(), p.categories()
						.stream()
						.map((c) -> c.code().equals("FINES_IMPOSED") ? new org.jointops.catalogue.Category(c.code(),
								c.name(), org.jointops.catalogue.Unit.COUNT, null) : c)
						.toList()))
					.toList(),
				content.operations());
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> LiveCatalogue.next(START, document(1, unitChanged), 0, content))
			.withMessageContaining("categories.FINES_IMPOSED.unit");
	}

	private static String document(long version, CatalogueContent content) {
		return new CatalogueDocument(version, Instant.parse("2026-05-04T10:00:00Z"), "test", content).toJson();
	}

}
