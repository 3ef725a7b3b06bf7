package org.jointops.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one catalogue file holds; every list may be absent. The bundled file and any extra
 * files given at start-up are merged into one {@link Catalogue}.
 *
 * @param states member states
 * @param agencies kinds of reporting authority
 * @param programmes programmes with their categories
 * @param operations operations with their stages
 */
public record CatalogueContent(List<MemberState> states, List<Agency> agencies, List<Programme> programmes,
		List<Operation> operations) {

	/** Unknown properties are ignored: a later format may add some. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	public CatalogueContent {
		states = (states != null) ? List.copyOf(states) : List.of();
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		programmes = (programmes != null) ? List.copyOf(programmes) : List.of();
		operations = (operations != null) ? List.copyOf(operations) : List.of();
	}

	/**
	 * Reads content written by {@link #toJson()}, e.g. the catalogue a publication
	 * stored.
	 * @param json the JSON
	 * @return the content
	 * @throws InvalidCatalogueException if it is not catalogue content
	 */
	public static CatalogueContent fromJson(String json) {
		try {
			return JSON.readValue(json, CatalogueContent.class);
		}
		catch (JacksonException ex) {
			throw new InvalidCatalogueException(
					"not catalogue content: " + ex.getOriginalMessage() + " at " + ex.getPathReference(), ex);
		}
	}

	/**
	 * This content as JSON, in the format of the bundled file.
	 * @return the JSON
	 */
	public String toJson() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * This content completed with what another one holds and this one lacks: states,
	 * agencies, programmes and operations whose code this one does not have, and the
	 * categories of a programme both have that this one does not define anywhere. What
	 * this one holds wins. A service applies a catalogue version from the topic this way
	 * over its start-up content (bundled file and extra files), so nothing it started
	 * with disappears.
	 * @param base e.g. the start-up content
	 * @return the completed content
	 */
	public CatalogueContent withMissingFrom(CatalogueContent base) {
		Set<String> categories = new HashSet<>();
		this.programmes.forEach((programme) -> programme.categories().forEach((c) -> categories.add(c.code())));
		Map<String, Programme> baseProgrammes = base.programmes()
			.stream()
			.collect(Collectors.toMap(Programme::code, Function.identity(), (a, b) -> a));
		List<Programme> programmes = new ArrayList<>();
		for (Programme programme : this.programmes) {
			Programme fromBase = baseProgrammes.get(programme.code());
			if (fromBase == null) {
				programmes.add(programme);
				continue;
			}
			List<Category> merged = new ArrayList<>(programme.categories());
			fromBase.categories().stream().filter((c) -> categories.add(c.code())).forEach(merged::add);
			programmes.add(new Programme(programme.code(), programme.name(), programme.council(), merged));
		}
		return new CatalogueContent(missing(this.states, base.states(), MemberState::code),
				missing(this.agencies, base.agencies(), Agency::code),
				missing(programmes, base.programmes(), Programme::code),
				missing(this.operations, base.operations(), Operation::code));
	}

	private static <T> List<T> missing(List<T> own, List<T> base, Function<T, String> code) {
		Set<String> codes = own.stream().map(code).collect(Collectors.toSet());
		List<T> all = new ArrayList<>(own);
		base.stream().filter((item) -> !codes.contains(code.apply(item))).forEach(all::add);
		return all;
	}

}
