package org.jointops.testsupport.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.springframework.http.MediaType;

/**
 * A service's OpenAPI document, read by swagger-parser, and what it promises: which
 * operations exist and which statuses (with which media types) each answers.
 */
public final class ApiContract {

	private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

	private final OpenAPI api;

	private final List<Route> routes;

	private ApiContract(OpenAPI api) {
		this.api = api;
		this.routes = api.getPaths()
			.entrySet()
			.stream()
			.map((path) -> Route.of(path.getKey(), path.getValue()))
			.sorted(Comparator.comparingInt(Route::literalLength).reversed())
			.toList();
	}

	/**
	 * Reads a document as swagger-parser does, refusing one it has anything to say about.
	 * @param json the document
	 * @return the contract
	 * @throws AssertionError if the parser gives a message or no document
	 */
	public static ApiContract read(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
		List<String> messages = (result.getMessages() != null) ? result.getMessages() : List.of();
		if (result.getOpenAPI() == null || !messages.isEmpty()) {
			throw new AssertionError("swagger-parser does not accept the document: " + messages);
		}
		return new ApiContract(result.getOpenAPI());
	}

	/**
	 * The document.
	 * @return the document as swagger-parser read it
	 */
	public OpenAPI api() {
		return this.api;
	}

	/**
	 * What the document fails to say about exchanges the tests observed: an exchange with
	 * a path under the prefix whose operation is missing, whose status the operation does
	 * not give, or whose media type is not the one given for that status.
	 * @param exchanges the observed exchanges
	 * @param prefix the paths the document describes, e.g. {@code /api/}
	 * @return one line per problem, sorted, each naming the operation, the status and an
	 * observed request; empty if the document covers every exchange
	 */
	public List<String> undocumented(Collection<Exchange> exchanges, String prefix) {
		TreeSet<String> problems = new TreeSet<>();
		for (Exchange exchange : exchanges) {
			if (!exchange.path().startsWith(prefix)) {
				continue;
			}
			Optional<Route> route = this.routes.stream()
				.filter((candidate) -> candidate.matches(exchange.path())
						&& candidate.operation(exchange.method()) != null)
				.findFirst();
			if (route.isEmpty()) {
				problems.add(exchange.method() + " " + exchange.path() + ": no such operation (answered "
						+ exchange.status() + ")");
				continue;
			}
			String operation = exchange.method() + " " + route.get().template();
			ApiResponse response = route.get()
				.operation(exchange.method())
				.getResponses()
				.get(String.valueOf(exchange.status()));
			if (response == null) {
				problems.add(operation + ": " + exchange.status() + " not documented (e.g. " + exchange + ")");
			}
			else if (exchange.contentType() != null && !documents(response.getContent(), exchange.contentType())) {
				problems.add(operation + ": " + exchange.status() + " answered " + exchange.contentType()
						+ ", documented " + mediaTypes(response.getContent()) + " (e.g. " + exchange + ")");
			}
		}
		return new ArrayList<>(problems);
	}

	private static boolean documents(Content content, String contentType) {
		if (content == null) {
			return false;
		}
		MediaType actual = MediaType.parseMediaType(contentType);
		return content.keySet().stream().map(MediaType::parseMediaType).anyMatch((type) -> type.includes(actual));
	}

	private static String mediaTypes(Content content) {
		return (content != null) ? String.join(", ", content.keySet()) : "no body";
	}

	/**
	 * One path of the document, as a pattern of the paths it stands for.
	 *
	 * @param template the path as the document gives it
	 * @param pattern the paths it stands for
	 * @param item its operations
	 */
	private record Route(String template, Pattern pattern, PathItem item) {

		static Route of(String template, PathItem item) {
			StringBuilder regex = new StringBuilder();
			Matcher variable = VARIABLE.matcher(template);
			int end = 0;
			while (variable.find()) {
				regex.append(Pattern.quote(template.substring(end, variable.start()))).append("[^/]+");
				end = variable.end();
			}
			regex.append(Pattern.quote(template.substring(end)));
			return new Route(template, Pattern.compile(regex.toString()), item);
		}

		boolean matches(String path) {
			return this.pattern.matcher(path).matches();
		}

		/**
		 * How much of the template is literal: the more, the more specific
		 * ({@code /operations/{code}:retire} before {@code /operations/{code}}).
		 * @return the number of literal characters
		 */
		int literalLength() {
			return VARIABLE.matcher(this.template).replaceAll("").length();
		}

		Operation operation(String method) {
			Map<PathItem.HttpMethod, Operation> operations = this.item.readOperationsMap();
			return operations.get(PathItem.HttpMethod.valueOf(method));
		}

	}

}
