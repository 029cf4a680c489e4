package pe.tramita.certificate;

import java.nio.file.Path;

import pe.tramita.municipality.MunicipalityView;

/** No document is issued unsigned: the step fails (an incident in Cockpit) until the keystore is in place. */
class MissingSigningKeyException extends IllegalStateException {

	MissingSigningKeyException(MunicipalityView municipality, Path file) {
		super("No signing key for " + municipality.name() + " (" + municipality.ubigeo() + "): expected the PKCS#12 keystore "
				+ file.toAbsolutePath());
	}

}
