package org.jointops.support.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What the API descriptions of both services share: RFC 9457 problem details with their
 * {@code errors}, the bearer scheme on every operation, and the refusals every secured
 * operation can answer (401 with {@code WWW-Authenticate}, 403). Each service adds its
 * operations, its own refusals and its catalogue codes.
 */
public final class ApiDescriptions {

	/** Name of the problem details schema. */
	public static final String PROBLEM = "Problem";

	/** Name of the schema of one entry of a problem's {@code errors}. */
	public static final String FIELD_PROBLEM = "FieldProblem";

	/** The media type of every refusal. */
	public static final String PROBLEM_JSON = "application/problem+json";

	private ApiDescriptions() {
	}

	/**
	 * The start of a service's description: its information, one server (the address the
	 * document is read from, since every service runs at its own) and the bearer scheme
	 * required by every operation.
	 * @param info title, version and description of the service's API
	 * @param scheme name of the bearer scheme, e.g. {@code agency}
	 * @param tokenDescription who holds the tokens and where they come from
	 * @return the description, without operations
	 */
	public static OpenAPI describe(Info info, String scheme, String tokenDescription) {
		return new OpenAPI(SpecVersion.V31).info(info)
			.servers(List.of(new Server().url("/")
				.description("This service: the address this document was read from (each service runs at its own)")))
			.components(new Components().addSecuritySchemes(scheme,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(tokenDescription)))
			.addSecurityItem(new SecurityRequirement().addList(scheme));
	}

	/**
	 * Completes the responses of every operation (springdoc drops schemas nothing refers
	 * to before customizers run, so this adds the problem schemas too): a secured
	 * operation (one with a security requirement, its own or the document's) answers 401
	 * and 403 as the security filter does; every refusal (4xx, 5xx) is a problem
	 * ({@code Problem} schema, {@code application/problem+json}); a 401 carries
	 * {@code WWW-Authenticate}. Responses an operation declares itself keep their
	 * descriptions.
	 * @param api the document, changed in place
	 */
	public static void completeResponses(OpenAPI api) {
		api.getComponents().addSchemas(PROBLEM, problem()).addSchemas(FIELD_PROBLEM, fieldProblem());
		boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
		if (api.getPaths() == null) {
			return;
		}
		for (PathItem path : api.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				ApiResponses responses = operation.getResponses();
				boolean secured = (operation.getSecurity() != null) ? !operation.getSecurity().isEmpty()
						: securedByDefault;
				if (secured) {
					responses.computeIfAbsent("401", (code) -> new ApiResponse().description(
							"No token, or not a valid one (`urn:jointops:problem:unauthenticated`). Nothing was done."));
					responses.computeIfAbsent("403", (code) -> new ApiResponse().description(
							"The token is valid but its holder may not call this operation, e.g. a monitoring token "
									+ "(`urn:jointops:problem:forbidden`). Nothing was done."));
					responses.get("401")
						.addHeaderObject("WWW-Authenticate",
								new Header().description("`Bearer realm=\"jointops\"`").schema(string()));
				}
				List<String> codes = List.copyOf(responses.keySet());
				for (String code : codes) {
					if (code.startsWith("4") || code.startsWith("5")) {
						asProblem(responses.get(code));
					}
				}
			}
		}
	}

	private static void asProblem(ApiResponse response) {
		MediaType problem = (response.getContent() != null) ? response.getContent().get(PROBLEM_JSON) : null;
		if (problem == null) {
			// springdoc gives a response without content the operation's media type
			problem = new MediaType();
			response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
		}
		problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
	}

	private static Schema<?> problem() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type",
				string().format("uri")
					.description("What kind of problem: a `urn:jointops:problem:…` name, or `about:blank` for a plain "
							+ "HTTP refusal")
					.example("urn:jointops:problem:invalid-report"));
		properties.put("title", string().description("Short, for people").example("Invalid report"));
		properties.put("status", integer().description("The HTTP status").example(400));
		properties.put("detail", string().description("What went wrong, for people; what the client sent is shown "
				+ "at most 60 characters long, without control characters"));
		properties.put("instance", string().format("uri-reference").description("The path that was called"));
		properties.put("errors",
				new Schema<>().types(Set.of("array"))
					.description("Each offending field and what is wrong with it, when the refusal is about "
							+ "the request's content")
					.items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM)));
		return object().description("Problem details (RFC 9457), the body of every refusal")
			.properties(properties)
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldProblem() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("field",
				string()
					.description("The field as the request names it (`body` for the body as a whole; "
							+ "`line N: column` in a CSV batch)")
					.example("findings[1].quantity"));
		properties.put("reason", string().description("What is wrong, in words an integrator can act on")
			.example("a count must be a whole number, found 12.5"));
		return object().description("One thing wrong with a request")
			.properties(properties)
			.required(List.of("field", "reason"));
	}

	/**
	 * A string schema, as OpenAPI 3.1 writes it.
	 * @return a new string schema
	 */
	public static Schema<Object> string() {
		return new Schema<>().types(Set.of("string"));
	}

	/**
	 * An integer schema, as OpenAPI 3.1 writes it.
	 * @return a new integer schema
	 */
	public static Schema<Object> integer() {
		return new Schema<>().types(Set.of("integer"));
	}

	private static Schema<Object> object() {
		return new Schema<>().types(Set.of("object"));
	}

}
