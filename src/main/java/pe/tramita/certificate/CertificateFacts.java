package pe.tramita.certificate;

import java.time.Instant;
import java.util.List;

import pe.tramita.municipality.MunicipalityView;

/**
 * Everything printed on one certificate. {@code legend} is a message key printed in a box (e.g. approval by
 * administrative silence); {@code replacesNumber} names the revoked certificate this one replaces.
 */
record CertificateFacts(MunicipalityView municipality, long expedienteId, Signatory signatory, DocumentType documentType, int year,
		int sequence, String number, String verificationCode, String holder, List<PrintedField> fields,
		String caseNumber, String legend, String replacesNumber, Instant issuedAt, String verificationUrl) {

	/** What the PDF's keywords carry: the verification code, but never a receipt's access code. */
	String keywords() {
		return documentType == DocumentType.CARGO_RECEPCION ? caseNumber : verificationCode;
	}

}
