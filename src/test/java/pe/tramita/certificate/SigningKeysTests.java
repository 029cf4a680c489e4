package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pe.tramita.municipality.MunicipalityKind;
import pe.tramita.municipality.MunicipalityView;

/** Keystores come from outside the repository; without one, nothing is signed and the message names the file. */
class SigningKeysTests {

	static final MunicipalityView ENCANADA = new MunicipalityView("060105", "Municipalidad Distrital de La Encañada",
			"Cajamarca", "La Encañada", MunicipalityKind.DISTRITAL);

	@TempDir
	Path keys;

	@Test
	void withoutDemoKeysAMissingKeystoreStopsIssuanceNamingTheFile() {
		SigningKeys signingKeys = new SigningKeys(keys, "secreto", false);
		assertThatThrownBy(() -> signingKeys.forMunicipality(ENCANADA)).isInstanceOf(MissingSigningKeyException.class)
			.hasMessageContaining("La Encañada")
			.hasMessageContaining(keys.resolve("060105.p12").toAbsolutePath().toString());
		assertThat(keys).isEmptyDirectory();
	}

	@Test
	void aKeystorePutInPlaceWithItsOwnPasswordIsUsed() {
		new DemoCertificateAuthority(keys).issueKeystore(ENCANADA, keys.resolve("060105.p12"), "otra-clave".toCharArray());

		SigningKey key = new SigningKeys(keys, "otra-clave", false).forMunicipality(ENCANADA);

		assertThat(key.chain()).hasSize(2);
		assertThat(key.certificate().getSubjectX500Principal().getName()).contains("La Encañada");
		assertThat(key.certificate().getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThatThrownBy(() -> new SigningKeys(keys, "equivocada", false).forMunicipality(ENCANADA))
			.hasMessageContaining("Cannot read the signing keystore");
	}

	@Test
	void aKeystoreReplacedOnDiskSignsTheNextDocumentWithoutARestart() throws Exception {
		Path keystore = keys.resolve("060105.p12");
		new DemoCertificateAuthority(keys).issueKeystore(ENCANADA, keystore, "clave".toCharArray());
		SigningKeys signingKeys = new SigningKeys(keys, "clave", false);
		SigningKey old = signingKeys.forMunicipality(ENCANADA);
		assertThat(signingKeys.forMunicipality(ENCANADA)).as("kept while the file stays as it was").isSameAs(old);

		// the renewed keystore arrives as operators copy it: a new file moved over the old one
		Path renewed = Files.createTempDirectory(keys, "renovado");
		new DemoCertificateAuthority(renewed).issueKeystore(ENCANADA, renewed.resolve("060105.p12"), "clave".toCharArray());
		Files.move(renewed.resolve("060105.p12"), keystore, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(keystore, FileTime.fromMillis(System.currentTimeMillis() + 5000));

		SigningKey current = signingKeys.forMunicipality(ENCANADA);
		assertThat(current.certificate()).isNotEqualTo(old.certificate());
		assertThat(current.certificate().getSubjectX500Principal().getName()).contains("La Encañada");
	}

	@Test
	void demoKeysAreMadeOnceAndKeptForTheNextStart() throws Exception {
		SigningKey first = new SigningKeys(keys, "", true).forMunicipality(ENCANADA);
		byte[] keystore = Files.readAllBytes(keys.resolve("060105.p12"));

		SigningKey afterRestart = new SigningKeys(keys, "", true).forMunicipality(ENCANADA);

		assertThat(Files.readAllBytes(keys.resolve("060105.p12"))).isEqualTo(keystore);
		assertThat(afterRestart.certificate()).isEqualTo(first.certificate());
		assertThat(afterRestart.chain().get(1).getSubjectX500Principal().getName()).contains("Tramita DEMO CA");
	}

}
