package pe.tramita.certificate;

/** Revoking twice would overwrite when and why the first revocation happened. */
class CertificateAlreadyRevokedException extends IllegalStateException {

	CertificateAlreadyRevokedException(String number) {
		super("Certificate " + number + " is already revoked");
	}

}
