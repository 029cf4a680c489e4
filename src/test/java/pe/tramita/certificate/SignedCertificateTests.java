package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

@TramitaTest
class SignedCertificateTests {

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Certificates certificates;

	@Test
	void theLicenceIsPdfA2bAndItsSignatureIsValidForPdfsig() {
		CertificateView issued = issue(DocumentType.LICENCIA_FUNCIONAMIENTO, null);
		byte[] pdf = certificates.pdf(issued.verificationCode()).orElseThrow().content();

		List<String> failures = PdfChecks.pdfA2bFailures(pdf);
		assertThat(failures).as("veraPDF PDF/A-2b failed rules").isEmpty();
		String pdfsig = PdfChecks.pdfsig(pdf);
		System.out.println(pdfsig);
		assertThat(pdfsig).contains("Signature is Valid.").contains("Total document signed");
	}

	private CertificateView issue(DocumentType type, String legend) {
		var filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		ExpedienteView expediente = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow();
		return certificates.issue(expediente.id(), type, "BAJO", legend);
	}

}
