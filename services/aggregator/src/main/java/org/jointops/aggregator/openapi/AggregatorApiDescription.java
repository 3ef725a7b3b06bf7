package org.jointops.aggregator.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import org.jointops.catalogue.Agency;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.openapi.ApiDescriptions;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregator's API description as a whole: what it is, the readers' bearer scheme,
 * problem details, the parameters the queries share, and the member states and agencies
 * of the catalogue as the only values of the filters that name them.
 */
@Configuration(proxyBeanMethods = false)
class AggregatorApiDescription {

	/** Name of the readers' bearer scheme. */
	static final String SCHEME = "reader";

	private static final String REPEATABLE = " Repeat the parameter, or separate values with commas; empty values "
			+ "filter nothing.";

	@Bean
	OpenAPI aggregatorApi() {
		Info info = new Info().title("jointops aggregator").version("v1").description("""
				The council totals of joint operations, for the secretariat and other readers: totals by member \
				state, stage, agency and category, now or at an instant; the reports behind them; who has reported \
				on each stage; the council summary; a live feed; and the catalogue, which the secretariat changes \
				here. Totals are exact (counts whole, money with 2 decimals per currency, kilograms with 3) and \
				count each report's highest revision once, whatever duplicates, corrections and withdrawals arrive.

				Every operation needs a reader's token. A reader has one role: `SECRETARIAT` reads everything and \
				changes the catalogue; `STATE` reads council totals and its own state's reports and completeness; \
				`OBSERVER` reads published figures only: the latest publication's totals and summary, every \
				publication and the feed of publications. The secretariat's guide \
				(`docs/secretariat-api.md` in the repository) has the roles matrix and examples.""");
		return ApiDescriptions
			.describe(info, SCHEME,
					"A reader's API token (`Authorization: Bearer <token>`), of role SECRETARIAT, STATE or "
							+ "OBSERVER, handed out by the aggregator's operator; or a JWT of an identity provider the "
							+ "aggregator trusts, naming the role (and a STATE reader's state) in its claims")
			.addTagsItem(new Tag().name("totals").description("Council totals, the summary and the live feed"))
			.addTagsItem(new Tag().name("traceability")
				.description("The reports behind the totals, and who has reported (not for observers)"))
			.addTagsItem(new Tag().name("publication")
				.description("Published figures: immutable, numbered snapshots, all that observers read"))
			.addTagsItem(new Tag().name("catalogue").description("What the totals are counted against"))
			.addTagsItem(new Tag().name("catalogue administration")
				.description("The secretariat's changes to the catalogue"));
	}

	/**
	 * Completes the document: refusals as problem details, 401 and 403 on every
	 * operation, the parameters the operations share (described once here), the member
	 * states and agencies of the catalogue as the only values of their filters, and what
	 * a change to the catalogue answers.
	 * @param catalogue the catalogue the aggregator counts against
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer aggregatorContract(CurrentCatalogue catalogue) {
		return (api) -> {
			ApiDescriptions.completeResponses(api);
			Catalogue current = catalogue.current();
			List<String> states = current.states().stream().map(MemberState::code).toList();
			List<String> agencies = current.agencies().stream().map(Agency::code).toList();
			for (PathItem path : api.getPaths().values()) {
				for (Operation operation : path.readOperations()) {
					if (operation.getParameters() != null) {
						operation.getParameters().forEach((parameter) -> describe(parameter, states, agencies));
					}
				}
			}
			Map<String, Schema> schemas = api.getComponents().getSchemas();
			schemas.get("CatalogueChange")
				.getProperties()
				.put("entry", new Schema<>().description("The operation or category as it now is")
					.anyOf(List.of(ref("Operation"), ref("Category"))));
			// the live feed's return type, described by its 200 response instead
			schemas.remove("SseEmitter");
			describeCatalogue(schemas);
			schemas.get(ApiDescriptions.PROBLEM)
				.addProperty("currentVersion", ApiDescriptions.integer()
					.description("The catalogue version that applies now (a refused change to the catalogue)"));
		};
	}

	/**
	 * Describes the catalogue's types, which live in {@code schemas} (no OpenAPI there):
	 * their JSON is also the format of a catalogue file.
	 * @param schemas the document's schemas
	 */
	private static void describeCatalogue(Map<String, Schema> schemas) {
		schemas.get("MemberState").description("A member state, by its ISO 3166-1 alpha-3 code");
		schemas.get("Agency").description("A kind of competent authority that reports findings");
		schemas.get("Programme").description("A council's permanent operation, with its finding categories");
		Schema<?> category = schemas.get("Category")
			.description("A kind of finding, with its unit; an *of which* category names its parent");
		nullable(category, "parent",
				"The category this is an *of which* line of (same programme, same unit); null " + "for none");
		property(category, "partOfParent", "Whether `parent` is set");
		property(category, "retired", "Takes no new figures (refused in new reports, still counted); absent: false");
		Schema<?> operation = schemas.get("Operation").description("One run of a programme, with its stages");
		nullable(operation, "reportingDays", "Days after a stage's last day by which every member state is due to "
				+ "have reported (a stage's `reportBy` overrides it); null for no deadline");
		property(operation, "retired", "Takes no new reports (withdrawals still); absent: false");
		Schema<?> stage = schemas.get("Stage").description("A stage and its window, both ends inclusive");
		nullable(stage, "reportBy", "The last day by which every member state is due to have reported on it; null "
				+ "to follow the operation's `reportingDays`");
	}

	private static void property(Schema<?> schema, String name, String description) {
		Schema<?> property = (Schema<?>) schema.getProperties().get(name);
		if (property != null) {
			property.setDescription(description);
		}
	}

	private static void nullable(Schema<?> schema, String name, String description) {
		property(schema, name, description);
		Schema<?> property = (Schema<?>) schema.getProperties().get(name);
		if (property != null && property.getTypes() != null) {
			property.addType("null");
		}
	}

	private static void describe(Parameter parameter, List<String> states, List<String> agencies) {
		switch (parameter.getIn() + " " + parameter.getName()) {
			case "path operation" ->
				parameter.description("An operation code, e.g. ILLEGAL-2017").example("ILLEGAL-2017");
			case "path code" -> parameter
				.description("The code of the operation or category (upper-case letters, digits, `_` and `-`)");
			case "path programme" -> parameter.description("The code of the category's programme").example("ILLEGAL");
			case "query state" -> parameter.description("Member states." + REPEATABLE).schema(array(codes(states)));
			case "query agency" ->
				parameter.description("Agencies: a breakdown by agency." + REPEATABLE).schema(array(codes(agencies)));
			case "query category" -> parameter.description("Categories of the operation." + REPEATABLE)
				.schema(array(ApiDescriptions.string().pattern(Catalogue.CODE_PATTERN)));
			case "query stage" -> parameter.description("Stage numbers of the operation." + REPEATABLE)
				.schema(array(ApiDescriptions.integer().minimum(java.math.BigDecimal.ONE)));
			case "query asOf" -> parameter
				.description("An instant (ISO 8601): the figures as they stood then, revisions submitted later "
						+ "(corrections and withdrawals included) left out")
				.example("2017-06-04T00:00:00Z");
			case "header If-Match" -> parameter.description("`\"<version>\"`: make the change only if the catalogue "
					+ "is still at that version (412 otherwise); without it, the change applies to whatever is "
					+ "current")
				.example("\"4\"");
			default -> {
			}
		}
	}

	private static Schema<Object> codes(List<String> codes) {
		return ApiDescriptions.string()._enum(List.copyOf(codes));
	}

	private static Schema<Object> array(Schema<Object> items) {
		return new Schema<>().types(Set.of("array")).items(items);
	}

	private static Schema<Object> ref(String schema) {
		return new Schema<>().$ref("#/components/schemas/" + schema);
	}

}
