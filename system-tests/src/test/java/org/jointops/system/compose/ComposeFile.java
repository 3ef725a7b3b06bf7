package org.jointops.system.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A compose file as Docker Compose reads it, for the parts the emulation runs: YAML
 * anchors and merge keys ({@code <<}, resolved by SnakeYAML), {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}} and {@code $$} interpolated from the
 * given variables, {@code env_file} read (variables of {@code environment} win over it),
 * {@code environment} as a map or a list, volumes (named, or bind mounts relative to the
 * file's directory), {@code expose}, {@code healthcheck}, {@code depends_on} with
 * conditions, {@code entrypoint} and {@code command}, {@code mem_limit} and
 * {@code deploy.resources.limits.memory}, the image and its build argument
 * {@code SERVICE}.
 *
 * @param directory the file's directory, against which relative paths are resolved
 * @param services every service, in the file's order
 * @param volumes the named volumes
 */
record ComposeFile(Path directory, Map<String, Service> services, List<String> volumes) {

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

	/**
	 * Reads a compose file.
	 * @param file the file
	 * @param variables what {@code ${VAR}} is interpolated from (compose takes the
	 * shell's environment)
	 * @return the file's services
	 */
	@SuppressWarnings("unchecked")
	static ComposeFile read(Path file, Map<String, String> variables) {
		Map<String, Object> root;
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(500);
		try (Reader reader = Files.newBufferedReader(file)) {
			root = (Map<String, Object>) interpolate((Object) new Yaml(options).load(reader), variables);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path directory = file.toAbsolutePath().getParent();
		Map<String, Service> services = new LinkedHashMap<>();
		Map<String, Object> declared = (Map<String, Object>) root.get("services");
		declared.forEach((name, body) -> services.put(name, Service.of(name, (Map<String, Object>) body, directory)));
		Object volumes = root.get("volumes");
		return new ComposeFile(directory, services,
				(volumes instanceof Map<?, ?> map) ? List.copyOf((java.util.Set<String>) map.keySet()) : List.of());
	}

	static Object interpolate(Object value, Map<String, String> variables) {
		if (value instanceof String text) {
			return interpolate(text, variables);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), interpolate(item, variables)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> interpolate(item, variables)).toList();
		}
		return value;
	}

	static String interpolate(String text, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group().equals("$$")) {
				replacement = "$";
			}
			else {
				String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(4);
				String value = variables.get(name);
				String operator = matcher.group(2);
				if (operator != null && (value == null || (operator.equals(":-") && value.isEmpty()))) {
					value = matcher.group(3);
				}
				replacement = (value != null) ? value : "";
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static Duration duration(Object value, Duration otherwise) {
		if (value == null) {
			return otherwise;
		}
		Matcher matcher = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(value.toString());
		Duration total = Duration.ZERO;
		while (matcher.find()) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
		}
		return total;
	}

	static long bytes(Object value) {
		if (value == null) {
			return 0;
		}
		Matcher matcher = Pattern.compile("(\\d+)([bkmg]?)b?").matcher(value.toString().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a memory size: " + value);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "k" -> amount << 10;
			case "m" -> amount << 20;
			case "g" -> amount << 30;
			default -> amount;
		};
	}

	/**
	 * One service.
	 *
	 * @param name its name (also its host name on the compose network)
	 * @param image its image
	 * @param buildService the {@code SERVICE} build argument of its image, if built here
	 * @param environment its environment: {@code env_file} overridden by
	 * {@code environment}
	 * @param entrypoint the entrypoint given in the file, or {@code null} for the image's
	 * @param command the command given in the file, or empty
	 * @param mounts its volumes
	 * @param expose the container ports it listens on
	 * @param healthCheck its health check, or {@code null} for none (or disabled)
	 * @param dependsOn the services it waits for, with the condition
	 * @param memoryLimit its memory limit in bytes, 0 for none
	 * @param ports the ports it publishes on the host
	 */
	record Service(String name, String image, String buildService, Map<String, String> environment,
			List<String> entrypoint, List<String> command, List<Mount> mounts, List<Integer> expose,
			HealthCheck healthCheck, Map<String, String> dependsOn, long memoryLimit, List<String> ports) {

		@SuppressWarnings("unchecked")
		static Service of(String name, Map<String, Object> body, Path directory) {
			Map<String, String> environment = new LinkedHashMap<>();
			for (String envFile : strings(body.get("env_file"))) {
				environment.putAll(readEnvFile(directory.resolve(envFile)));
			}
			Object declared = body.get("environment");
			if (declared instanceof Map<?, ?> map) {
				map.forEach((key, value) -> environment.put(String.valueOf(key),
						(value != null) ? String.valueOf(value) : ""));
			}
			else if (declared instanceof List<?> list) {
				for (Object item : list) {
					String entry = String.valueOf(item);
					int equals = entry.indexOf('=');
					environment.put((equals > 0) ? entry.substring(0, equals) : entry,
							(equals > 0) ? entry.substring(equals + 1) : "");
				}
			}
			List<Mount> mounts = new ArrayList<>();
			for (String volume : strings(body.get("volumes"))) {
				mounts.add(Mount.parse(volume, directory));
			}
			List<Integer> expose = strings(body.get("expose")).stream().map(Integer::valueOf).toList();
			Map<String, String> dependsOn = new LinkedHashMap<>();
			Object depends = body.get("depends_on");
			if (depends instanceof Map<?, ?> map) {
				map.forEach((key, value) -> dependsOn.put(String.valueOf(key),
						(value instanceof Map<?, ?> condition && condition.get("condition") != null)
								? String.valueOf(condition.get("condition")) : "service_started"));
			}
			else {
				strings(depends).forEach((dependency) -> dependsOn.put(dependency, "service_started"));
			}
			Object memory = body.get("mem_limit");
			if (memory == null && body.get("deploy") instanceof Map<?, ?> deploy
					&& deploy.get("resources") instanceof Map<?, ?> resources
					&& resources.get("limits") instanceof Map<?, ?> limits) {
				memory = limits.get("memory");
			}
			String buildService = null;
			if (body.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
				buildService = (String) args.get("SERVICE");
			}
			return new Service(name, (String) body.get("image"), buildService, environment,
					body.containsKey("entrypoint") ? strings(body.get("entrypoint")) : null,
					strings(body.get("command")), mounts, expose,
					HealthCheck.of((Map<String, Object>) body.get("healthcheck")), dependsOn, bytes(memory),
					strings(body.get("ports")));
		}

		private static List<String> strings(Object value) {
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).toList();
			}
			return List.of(String.valueOf(value));
		}

		private static Map<String, String> readEnvFile(Path file) {
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException("env_file " + file + " does not exist (compose refuses to start)");
			}
			Map<String, String> variables = new LinkedHashMap<>();
			try {
				for (String line : Files.readAllLines(file)) {
					String trimmed = line.strip();
					if (trimmed.isEmpty() || trimmed.startsWith("#")) {
						continue;
					}
					int equals = trimmed.indexOf('=');
					String key = trimmed.substring(0, equals).strip();
					String value = trimmed.substring(equals + 1);
					if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
							|| value.startsWith("'") && value.endsWith("'"))) {
						value = value.substring(1, value.length() - 1);
					}
					variables.put(key, value);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return variables;
		}

	}

	/**
	 * A volume of a service.
	 *
	 * @param source the named volume, or the host path of a bind mount
	 * @param target the path in the container
	 * @param named whether {@code source} is a named volume
	 * @param readOnly whether it is mounted read only
	 */
	record Mount(String source, String target, boolean named, boolean readOnly) {

		static Mount parse(String volume, Path directory) {
			String[] parts = volume.split(":");
			boolean readOnly = parts.length > 2 && parts[2].contains("ro");
			boolean named = !parts[0].startsWith(".") && !parts[0].startsWith("/") && !parts[0].startsWith("~");
			String source = named ? parts[0] : directory.resolve(parts[0]).normalize().toString();
			return new Mount(source, parts[1], named, readOnly);
		}

	}

	/**
	 * A service's health check.
	 *
	 * @param test the command ({@code CMD} form, without {@code CMD})
	 * @param interval time between checks
	 * @param timeout longest check
	 * @param retries failures in a row before the service is unhealthy
	 * @param startPeriod time during which failures do not count
	 */
	record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {

		static HealthCheck of(Map<String, Object> body) {
			if (body == null || Boolean.TRUE.equals(body.get("disable"))) {
				return null;
			}
			List<String> test = Service.strings(body.get("test"));
			if (test.isEmpty() || test.get(0).equals("NONE")) {
				return null;
			}
			if (test.get(0).equals("CMD-SHELL")) {
				test = List.of("/bin/sh", "-c", test.get(1));
			}
			else if (test.get(0).equals("CMD")) {
				test = test.subList(1, test.size());
			}
			else if (test.size() == 1) {
				test = List.of("/bin/sh", "-c", test.get(0));
			}
			return new HealthCheck(test, duration(body.get("interval"), Duration.ofSeconds(30)),
					duration(body.get("timeout"), Duration.ofSeconds(30)),
					(body.get("retries") != null) ? ((Number) body.get("retries")).intValue() : 3,
					duration(body.get("start_period"), Duration.ZERO));
		}

	}

}
