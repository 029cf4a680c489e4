package pe.tramita.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A municipality's signing key with its certificate chain, signer's certificate first. */
record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

	X509Certificate certificate() {
		return chain.get(0);
	}

}
