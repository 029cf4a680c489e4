package pe.tramita.certificate;

import java.time.Instant;

import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.ExpedienteView;

/** Everything printed on one certificate. */
record CertificateFacts(MunicipalityView municipality, ExpedienteView expediente, String documentType, int year,
		int sequence, String number, String verificationCode, String riskLevel, Instant issuedAt,
		String verificationUrl) {
}
