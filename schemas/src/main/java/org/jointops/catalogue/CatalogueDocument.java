package org.jointops.catalogue;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of the catalogue as the {@code catalogue.changes} topic carries it: the
 * whole catalogue (the format of the bundled file), its version and who changed it when.
 * Every record has a key of its own ({@link #newKey(long)}), so compaction never removes
 * one: when two writers raced for the same version, the first on the topic is the one
 * every reader applies, also a reader that starts after compaction ran.
 *
 * <pre>
 * {"version": 3, "changedAt": "2026-05-04T10:15:30Z", "changedBy": "secretariat",
 *  "catalogue": {"states": [...], "agencies": [...], "programmes": [...], "operations": [...]}}
 * </pre>
 *
 * @param version strictly increasing from 1 (version 0 is a service's start-up content)
 * @param changedAt when the change was made
 * @param changedBy the reader (of role SECRETARIAT) who made it
 * @param catalogue the whole catalogue
 */
public record CatalogueDocument(long version, Instant changedAt, String changedBy, CatalogueContent catalogue) {

	/**
	 * A key for a new record: its version and a random part, unique to the record.
	 * @param version the record's version
	 * @return e.g. {@code catalogue-3-1b4e28ba-2fa1-11d2-883f-0016d3cca427}
	 */
	public static String newKey(long version) {
		return "catalogue-" + version + "-" + UUID.randomUUID();
	}

	/** Unknown properties are ignored: a later format may add some. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Reads a record's value.
	 * @param json the value
	 * @return the document
	 * @throws InvalidCatalogueException if it is not a catalogue document
	 */
	public static CatalogueDocument fromJson(String json) {
		if (json == null) {
			throw new InvalidCatalogueException(java.util.List.of("empty value (tombstone)"));
		}
		try {
			CatalogueDocument document = JSON.readValue(json, CatalogueDocument.class);
			if (document.catalogue() == null || document.version() < 1) {
				throw new InvalidCatalogueException(
						java.util.List.of("a catalogue document needs a version from 1 and a catalogue"));
			}
			return document;
		}
		catch (JacksonException ex) {
			throw new InvalidCatalogueException(
					"not a catalogue document: " + ex.getOriginalMessage() + " at " + ex.getPathReference(), ex);
		}
	}

	/**
	 * This document as JSON, as a {@code catalogue.changes} record carries it.
	 * @return the record's value
	 */
	public String toJson() {
		return JSON.writeValueAsString(this);
	}

}
