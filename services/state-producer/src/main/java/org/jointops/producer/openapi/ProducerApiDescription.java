package org.jointops.producer.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import org.jointops.catalogue.Agency;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.ingest.ReportController;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.openapi.ApiDescriptions;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The producer's API description as a whole: what it is, the agencies' bearer scheme,
 * problem details, and the codes and limits that come from the catalogue and the
 * configuration (the agencies of the catalogue, this producer's state, the batch limit).
 */
@Configuration(proxyBeanMethods = false)
class ProducerApiDescription {

	/** Name of the agencies' bearer scheme. */
	static final String SCHEME = "agency";

	static final String BATCH = "/api/v1/reports:batch";

	@Bean
	OpenAPI producerApi(ProducerProperties properties) {
		Info info = new Info().title("jointops state producer (" + properties.state() + ")")
			.version("v1")
			.description("""
					Where the agencies of one member state post the findings of joint operations. This producer \
					serves %s: it checks each report revision against the catalogue (member states, agencies, \
					operations with their stages, finding categories with their units) and publishes it to \
					Kafka, where the aggregator counts it into the council totals.

					A report is identified by its `reportId`, chosen by the agency, and each version of it by \
					its `revision`: that pair is the idempotency key, and only a report's highest revision \
					counts. Retry after a 503 or a time-out with exactly the same revision; correct with the \
					whole report and the next revision; withdraw with the next revision and `withdrawn: true`. \
					The integration guide (`docs/api-guide.md` in the repository) explains this at length, with \
					a Java client.""".formatted(properties.state()));
		return ApiDescriptions
			.describe(info, SCHEME,
					"The agency's API token (`Authorization: Bearer <token>`), one per agency of this producer's "
							+ "state, handed out by the operator of this producer; or a JWT of an identity provider "
							+ "this producer trusts for its state, naming the agency and the state in its claims.")
			.addTagsItem(new Tag().name(ReportController.TAG)
				.description("Report revisions of this producer's state, one at a time or as a batch"));
	}

	/**
	 * Completes the document: refusals as problem details, 401 and 403 on every
	 * operation, the agencies of the catalogue and this producer's state as the only
	 * values of {@code agency} and {@code state}, and the batch limit.
	 * @param properties the producer's configuration
	 * @param catalogue the catalogue the producer validates against
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer producerContract(ProducerProperties properties, CurrentCatalogue catalogue) {
		return (api) -> {
			ApiDescriptions.completeResponses(api);
			Map<String, Schema> schemas = api.getComponents().getSchemas();
			Map<String, Schema> report = schemas.get("Report").getProperties();
			codes(report.get("agency"), catalogue.current().agencies().stream().map(Agency::code).toList());
			codes(report.get("state"), List.of(properties.state()));
			report.get("state").setExample(properties.state());
			Operation batch = api.getPaths().get(BATCH).getPost();
			batch.getRequestBody()
				.getContent()
				.get(MediaType.APPLICATION_JSON_VALUE)
				.getSchema()
				.setMaxItems(properties.batch().maxReports());
		};
	}

	@SuppressWarnings("unchecked")
	private static void codes(Schema<?> schema, List<String> codes) {
		((Schema<Object>) schema).setEnum(List.copyOf(codes));
	}

}
