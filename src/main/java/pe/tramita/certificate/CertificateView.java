package pe.tramita.certificate;

import java.time.Instant;
import java.util.List;

/**
 * What the public verification page shows: only what the certificate itself prints, its status, and the
 * certificates it replaces or that replace it.
 */
public record CertificateView(String verificationCode, String number, String ubigeo, String municipalityName,
		DocumentType documentType, String caseNumber, String holder, List<PrintedField> fields, String signerName,
		String signerTitle, String legend, Instant issuedAt, CertificateStatus status, Instant revokedAt,
		String revocationReason, Reference replaces, Reference replacedBy, String sha256) {

	/** Another certificate, by number and verification code. */
	public record Reference(String number, String verificationCode) {
	}

	public boolean valid() {
		return status == CertificateStatus.VIGENTE;
	}

}
