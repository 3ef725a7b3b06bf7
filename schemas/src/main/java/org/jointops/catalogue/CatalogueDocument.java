package org.jointops.catalogue;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of the catalogue as the {@code catalogue.changes} topic carries it: the
 * whole catalogue (the format of the bundled file), its version and who changed it when.
 * The latest record is the catalogue; the topic is compacted on one fixed key.
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

	/** Key of every record of the topic: compaction keeps the latest only. */
	public static final String KEY = "catalogue";

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
	 * @return the record's value
	 */
	public String toJson() {
		return JSON.writeValueAsString(this);
	}

}
