package pe.tramita.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.PrivateFiles;

/**
 * The signing keys, one PKCS#12 keystore per municipality: {@code <keystore-dir>/<ubigeo>.p12}, kept outside the
 * repository. With {@code tramita.signing.demo-keys} a demo CA makes the missing ones on first use. A keystore
 * replaced on disk (a renewed certificate) signs the next document, without a restart: each node looks at the file's
 * time and size before it signs.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final Path directory;

	private final char[] password;

	private final DemoCertificateAuthority demoAuthority;

	private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

	/** A key and the file it was read from, as the file was then. */
	private record Loaded(SigningKey key, FileTime modified, long size) {

		boolean isFrom(BasicFileAttributes file) {
			return file != null && file.lastModifiedTime().equals(modified) && file.size() == size;
		}

	}

	SigningKeys(@Value("${tramita.signing.keystore-dir}") Path directory,
			@Value("${tramita.signing.keystore-password:}") String password,
			@Value("${tramita.signing.demo-keys:false}") boolean demoKeys) {
		this.directory = directory;
		this.password = password.isEmpty() && demoKeys ? DemoCertificateAuthority.PASSWORD : password.toCharArray();
		this.demoAuthority = demoKeys ? new DemoCertificateAuthority(directory) : null;
	}

	SigningKey forMunicipality(MunicipalityView municipality) {
		BasicFileAttributes now = attributes(keystoreOf(municipality.ubigeo()));
		return loaded.compute(municipality.ubigeo(),
				(ubigeo, kept) -> kept != null && kept.isFrom(now) ? kept : load(municipality)).key();
	}

	private static BasicFileAttributes attributes(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException missing) {
			return null;
		}
	}

	Path keystoreOf(String ubigeo) {
		return directory.resolve(ubigeo + ".p12");
	}

	private Loaded load(MunicipalityView municipality) {
		Path file = keystoreOf(municipality.ubigeo());
		if (!Files.exists(file) && demoAuthority != null) {
			demoAuthority.issueKeystore(municipality, file, password);
		}
		if (!Files.exists(file)) {
			throw new MissingSigningKeyException(municipality, file);
		}
		if (PrivateFiles.isOpenToOthers(file) || PrivateFiles.isOpenToOthers(directory)) {
			log.warn("The signing keystores in {} could be read by other users of this machine: now only their owner can",
					directory);
			PrivateFiles.restrict(directory);
		}
		BasicFileAttributes read = attributes(file);
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore keystore = KeyStore.getInstance("PKCS12");
			keystore.load(in, password);
			for (String alias : Collections.list(keystore.aliases())) {
				if (keystore.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) keystore.getKey(alias, password);
					Certificate[] chain = keystore.getCertificateChain(alias);
					List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
					return new Loaded(new SigningKey(key, certificates), read.lastModifiedTime(), read.size());
				}
			}
			throw new IllegalStateException("No private key in " + file);
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot read the signing keystore " + file, e);
		}
	}

}
