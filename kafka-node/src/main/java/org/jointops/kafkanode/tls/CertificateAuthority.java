package org.jointops.kafkanode.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The small certificate authority of a jointops deployment, kept in one directory (made
 * by {@code ./jointops-certs}, or by a test in a temporary directory):
 * <ul>
 * <li>{@value #CA_CERTIFICATE}: the CA's certificate in PEM (for {@code curl --cacert});
 * {@value #CA_STORE} and {@value #CA_PASSWORD}: its key, which the operator keeps;</li>
 * <li>{@value #TRUST_STORE} and {@value #TRUST_STORE_PASSWORD}: a PKCS12 store holding
 * only the CA's certificate, for every client;</li>
 * <li>{@code <host>.p12} and {@code <host>.password}: a host's key and certificate chain
 * (alias {@code <host>}, the same password for the store and the key), the certificate
 * naming the host as a subject alternative name (DNS, or IP for an address) and valid for
 * a server and a client.</li>
 * </ul>
 * Passwords are random, one line without a line break, in files readable by their owner
 * only. Opening a directory again reuses its CA and keeps every host's store: new hosts
 * are added, and a host whose store was deleted gets a new key and certificate (that is
 * how a host's certificate is renewed).
 */
public final class CertificateAuthority {

	/** The CA's certificate, PEM. */
	public static final String CA_CERTIFICATE = "ca.crt";

	/** The CA's key and certificate, PKCS12. */
	public static final String CA_STORE = "ca.p12";

	/** The password of {@link #CA_STORE}. */
	public static final String CA_PASSWORD = "ca.password";

	/** The trust store: the CA's certificate alone, PKCS12. */
	public static final String TRUST_STORE = "truststore.p12";

	/** The password of {@link #TRUST_STORE}. */
	public static final String TRUST_STORE_PASSWORD = "truststore.password";

	/** The type of every store made here, as Kafka and Spring Boot name it. */
	public static final String STORE_TYPE = "PKCS12";

	/** How long the CA's certificate is valid. */
	public static final Duration CA_VALIDITY = Duration.ofDays(3650);

	/** How long a host's certificate is valid. */
	public static final Duration HOST_VALIDITY = Duration.ofDays(730);

	private static final String CA_ALIAS = "ca";

	private static final String SIGNATURE = "SHA256withECDSA";

	// a clock a little behind another host's must not find a new certificate not yet
	// valid
	private static final Duration BACKDATE = Duration.ofHours(1);

	private static final Pattern DNS_NAME = Pattern
		.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final PrivateKey key;

	private final X509Certificate certificate;

	private CertificateAuthority(Path directory, PrivateKey key, X509Certificate certificate) {
		this.directory = directory;
		this.key = key;
		this.certificate = certificate;
	}

	/**
	 * Opens the CA kept in a directory, making the directory, the CA, its PEM certificate
	 * and the trust store where they are missing.
	 * @param directory the directory
	 * @return the CA
	 */
	public static CertificateAuthority open(Path directory) {
		try {
			Files.createDirectories(directory);
			Path store = directory.resolve(CA_STORE);
			Path passwordFile = directory.resolve(CA_PASSWORD);
			CertificateAuthority authority;
			if (Files.exists(store)) {
				if (!Files.exists(passwordFile)) {
					throw new IllegalStateException(
							"The CA " + store + " is there but its password " + passwordFile + " is not");
				}
				authority = load(directory, store, readPassword(passwordFile));
			}
			else {
				authority = create(directory, store, passwordFile);
			}
			authority.writeMissingPublicFiles();
			return authority;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the certificate authority in " + directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot open the certificate authority in " + directory, ex);
		}
	}

	/**
	 * Whether a name can be a host's: a DNS name (letters, digits, hyphens, dots; any
	 * case) or an IPv4 or IPv6 address.
	 * @param name the name
	 * @return whether {@link #host(String, List)} takes it
	 */
	public static boolean isValidHostName(String name) {
		return IPAddress.isValid(name) || DNS_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

	/**
	 * Reads a password file.
	 * @param file the file
	 * @return its one line
	 */
	public static String readPassword(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the password " + file, ex);
		}
	}

	/**
	 * The directory this CA is kept in.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The CA's certificate.
	 * @return the certificate every host's chains to
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * The CA's certificate in PEM.
	 * @return the file {@value #CA_CERTIFICATE}
	 */
	public Path certificateFile() {
		return this.directory.resolve(CA_CERTIFICATE);
	}

	/**
	 * The trust store that every client uses.
	 * @return {@value #TRUST_STORE} and its password file
	 */
	public Store trustStore() {
		return new Store(CA_ALIAS, this.directory.resolve(TRUST_STORE), this.directory.resolve(TRUST_STORE_PASSWORD));
	}

	/**
	 * Where a host's key store is, whether it is there or not.
	 * @param host the host's name or address
	 * @return its store, not made
	 */
	public Store storeOf(String host) {
		String name = hostName(host);
		return new Store(name, this.directory.resolve(name + ".p12"), this.directory.resolve(name + ".password"));
	}

	/**
	 * A host's key store, made unless it is there.
	 * @param host the host's name or address
	 * @return its store
	 */
	public Store host(String host) {
		return host(host, List.of());
	}

	/**
	 * A host's key store, made unless it is there (an existing store is kept as it is).
	 * @param host the host's name or address: the store's name and alias, and the first
	 * subject alternative name
	 * @param otherNames further names or addresses the certificate is valid for (e.g.
	 * {@code 127.0.0.1} for a host reached on loopback in a test)
	 * @return its store
	 */
	public Store host(String host, List<String> otherNames) {
		String name = hostName(host);
		Set<String> names = new LinkedHashSet<>();
		names.add(name);
		otherNames.stream().map(CertificateAuthority::hostName).forEach(names::add);
		Store store = storeOf(name);
		if (store.exists()) {
			return store;
		}
		try {
			KeyPair pair = newKeyPair();
			X509Certificate hostCertificate = hostCertificate(name, names, pair.getPublic());
			String password = newPassword();
			KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
			keyStore.load(null, null);
			keyStore.setKeyEntry(name, pair.getPrivate(), password.toCharArray(),
					new Certificate[] { hostCertificate, this.certificate });
			writeStore(keyStore, password, store.file(), store.passwordFile(), OWNER_ONLY);
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the key store of " + name + " in " + this.directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make the certificate of " + name, ex);
		}
	}

	private static String hostName(String host) {
		if (host == null || !isValidHostName(host)) {
			throw new IllegalArgumentException("Not a host name or IP address: '" + host + "'");
		}
		return IPAddress.isValid(host) ? host : host.toLowerCase(Locale.ROOT);
	}

	private static CertificateAuthority load(Path directory, Path store, String password)
			throws IOException, GeneralSecurityException {
		KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
		try (InputStream in = Files.newInputStream(store)) {
			keyStore.load(in, password.toCharArray());
		}
		if (!(keyStore.getKey(CA_ALIAS, password.toCharArray()) instanceof PrivateKey key)
				|| !(keyStore.getCertificate(CA_ALIAS) instanceof X509Certificate certificate)) {
			throw new IllegalStateException("The CA store " + store + " has no key and certificate '" + CA_ALIAS + "'");
		}
		return new CertificateAuthority(directory, key, certificate);
	}

	private static CertificateAuthority create(Path directory, Path store, Path passwordFile)
			throws IOException, GeneralSecurityException, OperatorCreationException {
		KeyPair pair = newKeyPair();
		Instant now = Instant.now();
		X500Name subject = name("jointops CA " + now.toString().substring(0, 10));
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
				Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(pair.getPublic()));
		X509Certificate certificate = sign(builder, pair.getPrivate());
		String password = newPassword();
		KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
		keyStore.load(null, null);
		keyStore.setKeyEntry(CA_ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] { certificate });
		writeStore(keyStore, password, store, passwordFile, OWNER_ONLY);
		return new CertificateAuthority(directory, pair.getPrivate(), certificate);
	}

	private void writeMissingPublicFiles() throws IOException, GeneralSecurityException {
		Path pem = certificateFile();
		if (!Files.exists(pem)) {
			StringWriter text = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
				writer.writeObject(this.certificate);
			}
			writeFile(pem, text.toString().getBytes(StandardCharsets.US_ASCII), READABLE);
		}
		Store trustStore = trustStore();
		if (!trustStore.exists()) {
			KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
			keyStore.load(null, null);
			keyStore.setCertificateEntry(CA_ALIAS, this.certificate);
			writeStore(keyStore, newPassword(), trustStore.file(), trustStore.passwordFile(), READABLE);
		}
	}

	private X509Certificate hostCertificate(String host, Set<String> names, PublicKey publicKey)
			throws CertIOException, GeneralSecurityException, OperatorCreationException {
		Instant now = Instant.now();
		Instant notAfter = now.plus(HOST_VALIDITY);
		if (notAfter.isAfter(this.certificate.getNotAfter().toInstant())) {
			notAfter = this.certificate.getNotAfter().toInstant();
		}
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.certificate, serial(),
				Date.from(now.minus(BACKDATE)), Date.from(notAfter), name(host), publicKey);
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		List<GeneralName> alternativeNames = new ArrayList<>();
		for (String name : names) {
			alternativeNames
				.add(new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
		}
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
				new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
		builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(this.certificate));
		return sign(builder, this.key);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
			throws GeneralSecurityException, OperatorCreationException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "jointops")
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	private static BigInteger serial() {
		return new BigInteger(127, RANDOM).add(BigInteger.ONE);
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	// the password is written before the store, each through a temporary file: a store
	// is never there without the password that opens it
	private static void writeStore(KeyStore keyStore, String password, Path store, Path passwordFile,
			Set<PosixFilePermission> storePermissions) throws IOException, GeneralSecurityException {
		writeFile(passwordFile, password.getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
		Path temporary = temporaryFile(store, storePermissions);
		try (OutputStream out = Files.newOutputStream(temporary)) {
			keyStore.store(out, password.toCharArray());
		}
		move(temporary, store);
	}

	private static void writeFile(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
		Path temporary = temporaryFile(file, permissions);
		Files.write(temporary, content);
		move(temporary, file);
	}

	private static Path temporaryFile(Path file, Set<PosixFilePermission> permissions) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		try {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(permissions));
			// the umask may have taken bits away from a readable file
			Files.setPosixFilePermissions(temporary, permissions);
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its own access control applies
			try {
				Files.createFile(temporary);
			}
			catch (FileAlreadyExistsException alreadyThere) {
				// made by the first attempt
			}
		}
		return temporary;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * A PKCS12 store and the file of its password (the same for the store and its key).
	 *
	 * @param alias the alias of its key (a host's store) or certificate (the trust store)
	 * @param file the store
	 * @param passwordFile its password, one line
	 */
	public record Store(String alias, Path file, Path passwordFile) {

		/**
		 * The store's password.
		 * @return the password file's line
		 */
		public String password() {
			return readPassword(this.passwordFile);
		}

		/**
		 * Whether the store and its password are there.
		 * @return whether both files exist
		 */
		public boolean exists() {
			return Files.exists(this.file) && Files.exists(this.passwordFile);
		}

		/**
		 * The store, loaded.
		 * @return the key store
		 */
		public KeyStore load() {
			try (InputStream in = Files.newInputStream(this.file)) {
				KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
				keyStore.load(in, password().toCharArray());
				return keyStore;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the store " + this.file, ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot open the store " + this.file, ex);
			}
		}

	}

}
