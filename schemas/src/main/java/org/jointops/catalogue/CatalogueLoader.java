package org.jointops.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalogue: the file bundled in this jar ({@value #BUNDLED}) and any extra
 * files given at start-up, which may add states, agencies, programmes and operations
 * without a rebuild. The format is described in {@code docs/catalogue.md}.
 */
public final class CatalogueLoader {

	/** Classpath location of the bundled catalogue. */
	public static final String BUNDLED = "org/jointops/catalogue/catalogue.json";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private CatalogueLoader() {
	}

	/**
	 * The bundled catalogue alone.
	 * @return the catalogue
	 */
	public static Catalogue bundled() {
		return load(List.of());
	}

	/**
	 * The bundled catalogue merged with extra files.
	 * @param extraFiles catalogue files in the same format, merged in order
	 * @return the catalogue
	 * @throws InvalidCatalogueException if a file cannot be read or the result is
	 * inconsistent
	 */
	public static Catalogue load(List<Path> extraFiles) {
		List<CatalogueContent> parts = new ArrayList<>();
		try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new InvalidCatalogueException(List.of("the bundled catalogue " + BUNDLED + " is missing"));
			}
			parts.add(read(in, "bundled catalogue"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : extraFiles) {
			try (InputStream in = Files.newInputStream(file)) {
				parts.add(read(in, file.toString()));
			}
			catch (IOException ex) {
				throw new InvalidCatalogueException("cannot read catalogue file " + file + ": " + ex.getMessage(), ex);
			}
		}
		return Catalogue.of(parts);
	}

	static CatalogueContent read(InputStream in, String source) {
		try {
			return JSON.readValue(in, CatalogueContent.class);
		}
		catch (JacksonException ex) {
			throw new InvalidCatalogueException(source + " is not a valid catalogue file: " + ex.getOriginalMessage()
					+ " at " + ex.getPathReference(), ex);
		}
	}

}
