package pe.tramita.certificate;

import java.time.Instant;

/**
 * A signed document was issued for a case (a licence, a constancia, a replacement), in the transaction that
 * numbered and stored it: what notifications and reports need, without reading the certificate tables.
 */
public record DocumentIssued(long expedienteId, String caseNumber, String ubigeo, DocumentType documentType,
		String number, String verificationCode, String verificationUrl, Instant issuedAt, boolean replacement) {
}
