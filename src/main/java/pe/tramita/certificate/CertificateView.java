package pe.tramita.certificate;

import java.math.BigDecimal;
import java.time.Instant;

/** What the public verification page shows: only what the certificate itself prints. */
public record CertificateView(String verificationCode, String number, String ubigeo, String municipalityName,
		String documentType, String caseNumber, String holder, String ruc, String tradeName, String address,
		String activity, BigDecimal areaM2, String riskLevel, Instant issuedAt, CertificateStatus status,
		String sha256) {
}
