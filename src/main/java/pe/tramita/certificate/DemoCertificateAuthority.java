package pe.tramita.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.PrivateFiles;

/**
 * A certificate authority for demonstrations and tests only: its keys say DEMO in their names and prove nothing
 * outside this installation. Creates {@code demo-ca.p12} and one keystore per municipality on first use.
 */
class DemoCertificateAuthority {

	static final char[] PASSWORD = "tramita-demo".toCharArray();

	private static final String CA_FILE = "demo-ca.p12";

	private final Path directory;

	DemoCertificateAuthority(Path directory) {
		this.directory = directory;
	}

	synchronized void issueKeystore(MunicipalityView municipality, Path file, char[] password) {
		if (Files.exists(file)) {
			return;
		}
		try {
			PrivateFiles.directory(directory);
			SigningKey authority = authority();
			KeyPair pair = newKeyPair();
			X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "PE")
				.addRDN(BCStyle.O, municipality.name())
				.addRDN(BCStyle.SERIALNUMBER, municipality.ubigeo())
				.addRDN(BCStyle.CN, municipality.name() + " (DEMO)")
				.build();
			X509Certificate certificate = certificate(subject, pair, authority, false);
			save(file, "firma", pair.getPrivate(), password, certificate, authority.certificate());
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException e) {
			throw new IllegalStateException("Cannot make the demo keystore " + file, e);
		}
	}

	private SigningKey authority() throws IOException, GeneralSecurityException, OperatorCreationException {
		Path file = directory.resolve(CA_FILE);
		if (!Files.exists(file)) {
			KeyPair pair = newKeyPair();
			X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "PE")
				.addRDN(BCStyle.O, "Tramita")
				.addRDN(BCStyle.CN, "Tramita DEMO CA")
				.build();
			X509Certificate certificate = certificate(name, pair, null, true);
			save(file, "ca", pair.getPrivate(), PASSWORD, certificate);
		}
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore keystore = KeyStore.getInstance("PKCS12");
			keystore.load(in, PASSWORD);
			return new SigningKey((PrivateKey) keystore.getKey("ca", PASSWORD),
					List.of((X509Certificate) keystore.getCertificate("ca")));
		}
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	/** Valid from well before today: the demo's year of history signs receipts and certificates a year back. */
	private static final int DAYS_BEFORE = 400;

	/** Self-signed when {@code issuer} is null. */
	private static X509Certificate certificate(X500Name subject, KeyPair pair, SigningKey issuer, boolean authority)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		Instant now = Instant.now();
		X500Name issuerName = issuer == null ? subject
				: X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
				new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(DAYS_BEFORE))),
				Date.from(now.plus(Duration.ofDays(authority ? 3650 : 1825))), subject, pair.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
		builder.addExtension(Extension.keyUsage, true, authority ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
				: new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(pair.getPublic()));
		if (issuer != null) {
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(issuer.certificate()));
		}
		PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.privateKey();
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
	}

	private static void save(Path file, String alias, PrivateKey key, char[] password, X509Certificate... chain)
			throws IOException, GeneralSecurityException {
		KeyStore keystore = KeyStore.getInstance("PKCS12");
		keystore.load(null, null);
		keystore.setKeyEntry(alias, key, password, chain);
		PrivateFiles.writeWith(file, out -> {
			try {
				keystore.store(out, password);
			}
			catch (GeneralSecurityException e) {
				throw new IOException(e);
			}
		});
	}

}
