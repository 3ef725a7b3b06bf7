package org.jointops.kafkanode.tls;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's command that makes the certificates of a deployment
 * ({@link CertificateAuthority}), run by {@code ./jointops-certs} at the repository's
 * root:
 *
 * <pre>
 * ./jointops-certs --out DIR --hosts kafka-1,kafka-2,aggregator-1
 * </pre>
 *
 * Exit codes: 0 done, 1 failed (one line on standard error says why), 2 wrong usage.
 */
public final class CertificateCommand {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String NAME = "jointops-certs";

	private static final String USAGE_TEXT = """
			Usage: %1$s --out <dir> [--hosts <host,...>] [--also <name,...>]

			Makes the certificates of a jointops deployment in <dir>: a small CA (made on
			the first run, reused after), a trust store with its certificate, and a key
			store for each host. Running it again keeps the CA and every host's store
			and adds the hosts that are new; delete a host's .p12 to give it a new key
			and certificate.

			Options:
			  --out <dir>          where the files are (made if missing)
			  --hosts <list>       host names or IP addresses, comma-separated; each gets
			                       <host>.p12 (key and chain, alias <host>) and
			                       <host>.password, its certificate naming the host
			  --also <list>        further names or addresses every host made by this run
			                       is valid for (e.g. localhost,127.0.0.1 on one machine)
			  --help               this text

			Files in <dir>:
			  ca.crt                                the CA's certificate, PEM (curl --cacert)
			  ca.p12, ca.password                   the CA's key: keep it with the operator
			  truststore.p12, truststore.password   the CA's certificate alone, PKCS12
			  <host>.p12, <host>.password           a host's key and certificate, PKCS12
			Passwords are random, one line, and readable by the owner only.
			Exit codes: 0 done, 1 failed (the reason on standard error), 2 wrong usage.
			""";

	private static final Set<String> OPTIONS = Set.of("--out", "--hosts", "--also");

	private CertificateCommand() {
	}

	/**
	 * Runs the command and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the command line
	 * @param out where the files made are listed
	 * @param err where a failure or wrong usage is written, in one line
	 * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options;
		try {
			options = parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(NAME + ": " + ex.getMessage());
			err.println("Run '" + NAME + " --help' for usage.");
			return USAGE;
		}
		if (options == null) {
			out.print(USAGE_TEXT.formatted(NAME));
			return OK;
		}
		List<String> hosts = names(options.get("--hosts"));
		List<String> also = names(options.get("--also"));
		for (String name : concat(hosts, also)) {
			if (!CertificateAuthority.isValidHostName(name)) {
				err.println(NAME + ": not a host name or IP address: '" + name + "'");
				return USAGE;
			}
		}
		try {
			Path directory = Path.of(options.get("--out"));
			CertificateAuthority authority = CertificateAuthority.open(directory);
			out.println("CA:          " + authority.certificateFile() + " ("
					+ authority.certificate().getSubjectX500Principal().getName() + ", valid until "
					+ authority.certificate().getNotAfter().toInstant() + ")");
			out.println("trust store: " + authority.trustStore().file());
			for (String host : hosts) {
				boolean existed = authority.storeOf(host).exists();
				CertificateAuthority.Store store = authority.host(host, also);
				out.println("host:        " + store.file() + (existed ? " (kept)" : " (made)"));
			}
			return OK;
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			err.println(NAME + ": " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
			return FAILED;
		}
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if ("--help".equals(option) || "-h".equals(option)) {
				return null;
			}
			if (!OPTIONS.contains(option)) {
				throw new IllegalArgumentException("unknown option '" + option + "'");
			}
			if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			if (options.put(option, args[++i]) != null) {
				throw new IllegalArgumentException(option + " is given twice");
			}
		}
		if (!options.containsKey("--out")) {
			throw new IllegalArgumentException("--out <dir> is required");
		}
		return options;
	}

	private static List<String> names(String list) {
		if (list == null) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
