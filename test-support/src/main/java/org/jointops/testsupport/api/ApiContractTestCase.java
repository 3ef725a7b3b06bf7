package org.jointops.testsupport.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A service's API description as its contract. A subclass is a web test of the whole API
 * (every controller, springdoc, the service's description), annotated
 * {@code @Order(Integer.MAX_VALUE)} so that, with the class orderer of the module's
 * {@code junit-platform.properties}, it runs after every other test class of the run and
 * sees every exchange they made ({@link ObservedExchanges}). It also writes the document
 * to {@code target/api-docs/<name>.json}, for other tools (e.g. Redocly's linter), and
 * the distinct exchanges it checked to {@code target/api-docs/<name>-observed.txt}.
 */
public abstract class ApiContractTestCase {

	/** The paths the description covers. */
	private static final String API = "/api/";

	@Autowired
	private MockMvcTester mvc;

	private String json;

	private ApiContract contract;

	/**
	 * The service's name, for the file the document is written to.
	 * @return e.g. {@code producer}
	 */
	protected abstract String name();

	@BeforeEach
	void readTheDocument() throws IOException {
		MvcTestResult answer = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(answer).hasStatusOk();
		this.json = answer.getResponse().getContentAsString();
		Path file = Path.of("target", "api-docs", name() + ".json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, this.json);
	}

	@Test
	void theDocumentIsValidOpenApi() {
		this.contract = ApiContract.read(this.json);
		assertThat(this.contract.api().getInfo()).as("info").isNotNull();
		assertThat(this.contract.api().getPaths()).as("operations").isNotEmpty();
	}

	@Test
	void everyOperationIsDescribedAndNeedsTheBearerScheme() {
		this.contract = ApiContract.read(this.json);
		assertThat(this.contract.api().getComponents().getSecuritySchemes()).as("security schemes")
			.hasSize(1)
			.allSatisfy((name, scheme) -> assertThat(scheme.getScheme()).isEqualTo("bearer"));
		String scheme = this.contract.api().getComponents().getSecuritySchemes().keySet().iterator().next();
		for (Map.Entry<String, PathItem> path : this.contract.api().getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				Operation operation = entry.getValue();
				String name = entry.getKey() + " " + path.getKey();
				assertThat(operation.getSummary()).as(name + " summary").isNotBlank();
				assertThat(operation.getDescription()).as(name + " description").isNotBlank();
				assertThat(
						(operation.getSecurity() != null) ? operation.getSecurity() : this.contract.api().getSecurity())
					.as(name + " security")
					.anySatisfy((requirement) -> assertThat(requirement).containsKey(scheme));
				assertThat(operation.getResponses()).as(name + " responses").containsKeys("401", "403");
			}
		}
	}

	@Test
	void everyStatusTheTestsObservedIsDocumented() throws IOException {
		this.contract = ApiContract.read(this.json);
		List<Exchange> observed = ObservedExchanges.all()
			.stream()
			.filter((exchange) -> exchange.path().startsWith(API))
			.sorted(Comparator.comparing(Exchange::toString))
			.toList();
		assumeThat(observed).as("exchanges of the other tests (run them first, in the same JVM, as ./mvnw verify does)")
			.isNotEmpty();
		Files.write(Path.of("target", "api-docs", name() + "-observed.txt"),
				observed.stream().map(Exchange::toString).toList());
		assertThat(this.contract.undocumented(observed, API)).as("observed in the tests but not in the API description")
			.isEmpty();
	}

}
