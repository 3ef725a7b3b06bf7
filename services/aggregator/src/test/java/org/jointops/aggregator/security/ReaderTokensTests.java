package org.jointops.aggregator.security;

import java.util.List;
import java.util.Map;

import org.jointops.aggregator.security.ReaderTokensProperties.Reader;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.support.security.MonitoringTokensProperties;
import org.jointops.testsupport.Credentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Readers' tokens: known by their hashes only, a wrong configuration stops the aggregator
 * at start-up, and a tokens file adds to the configuration's.
 */
class ReaderTokensTests {

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	private static final String HASH = Credentials.sha256("a-token");

	@Test
	void aTokenAuthenticatesItsReaderWithItsRoleAndState() {
		ReaderTokens tokens = tokens(Map.of("kazakhstan", new Reader(ReaderRole.STATE, "kaz", List.of(HASH)), "press",
				new Reader(ReaderRole.OBSERVER, null, List.of(Credentials.sha256("other")))));
		assertThat(tokens.authenticate("a-token")).contains(new ReaderPrincipal("kazakhstan", ReaderRole.STATE, "KAZ"));
		assertThat(tokens.authenticate("other")).contains(new ReaderPrincipal("press", ReaderRole.OBSERVER, null));
		assertThat(tokens.authenticate(HASH)).as("the hash is no token").isEmpty();
		assertThat(ReaderTokens.hash("a-token")).isEqualTo(HASH);
	}

	@Test
	void refusesAWrongConfiguration() {
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.SECRETARIAT, null, List.of("a-token")))))
			.withMessageContaining("sha256:<64 hex digits>");
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.STATE, null, List.of(HASH)))))
			.withMessageContaining("a STATE reader needs a member state");
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.STATE, "XYZ", List.of(HASH)))))
			.withMessageContaining("a STATE reader needs a member state");
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.OBSERVER, "KAZ", List.of(HASH)))))
			.withMessageContaining("only a STATE reader has a state");
		assertThatIllegalStateException().isThrownBy(() -> tokens(Map.of("x", new Reader(null, null, List.of(HASH)))))
			.withMessageContaining(".role");
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.OBSERVER, null, List.of()))))
			.withMessageContaining(".hashes");
		assertThatIllegalStateException()
			.isThrownBy(() -> tokens(Map.of("x", new Reader(ReaderRole.OBSERVER, null, List.of(HASH)), "y",
					new Reader(ReaderRole.SECRETARIAT, null, List.of(HASH)))))
			.withMessageContaining("the same token for");
	}

	@Test
	void aTokensFileAddsReadersAndHashesToTheConfigurationsAndMustAgreeOnARole() {
		ReaderTokensProperties inline = new ReaderTokensProperties(
				Map.of("kazakhstan", new Reader(ReaderRole.STATE, "KAZ", List.of(HASH))));
		MonitoringTokensProperties monitoring = new MonitoringTokensProperties(List.of());
		AggregatorTokens tokens = AggregatorTokens.of(inline, monitoring,
				Map.of("jointops.reader-tokens.kazakhstan.role", "STATE", "jointops.reader-tokens.kazakhstan.state",
						"kaz", "jointops.reader-tokens.kazakhstan.hashes", Credentials.sha256("rotated"),
						"jointops.reader-tokens.press.role", "OBSERVER", "jointops.reader-tokens.press.hashes",
						Credentials.sha256("press")),
				CATALOGUE);

		assertThat(tokens.readers().authenticate("a-token")).as("inline")
			.contains(new ReaderPrincipal("kazakhstan", ReaderRole.STATE, "KAZ"));
		assertThat(tokens.readers().authenticate("rotated")).as("the file's hash of the same reader")
			.contains(new ReaderPrincipal("kazakhstan", ReaderRole.STATE, "KAZ"));
		assertThat(tokens.readers().authenticate("press"))
			.contains(new ReaderPrincipal("press", ReaderRole.OBSERVER, null));

		assertThatIllegalStateException()
			.isThrownBy(() -> AggregatorTokens.of(inline, monitoring,
					Map.of("jointops.reader-tokens.kazakhstan.role", "SECRETARIAT",
							"jointops.reader-tokens.kazakhstan.hashes", Credentials.sha256("x")),
					CATALOGUE))
			.withMessageContaining("another role or state");
		assertThatIllegalStateException()
			.isThrownBy(() -> AggregatorTokens.of(inline, monitoring,
					Map.of("jointops.reader-token.press.role", "OBSERVER"), CATALOGUE))
			.withMessageContaining("not a key of this service's tokens");
	}

	private static ReaderTokens tokens(Map<String, Reader> readers) {
		return new ReaderTokens(readers, CATALOGUE);
	}

}
