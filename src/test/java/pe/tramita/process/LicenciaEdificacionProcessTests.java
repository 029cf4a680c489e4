package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.DocumentType;
import pe.tramita.certificate.PrintedField;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;

/**
 * Every path of processes/licencia-edificacion-a (automatic approval, then verification) and
 * processes/licencia-edificacion-b (prior evaluation: granted, denied, or approved by positive silence).
 */
class LicenciaEdificacionProcessTests extends ProcessPathTests {

	@Test
	void modalidadAIssuesTheLicenceOnFilingAndIsVerifiedAfterwards() {
		Filing filing = applications.fileBuildingLicence(Staff.CAJAMARCA, "a", 95).filing();
		ProcessInstance instance = instanceOf(filing);

		ExpedienteView approved = expediente(filing);
		assertThat(approved.status()).isEqualTo(ExpedienteStatus.APROBADO);
		CertificateView licence = certificates.findForCase(approved.id()).orElseThrow();
		assertThat(licence.documentType()).isEqualTo(DocumentType.LICENCIA_EDIFICACION);
		assertThat(licence.number()).matches("LE-\\d{4}-\\d{6}");
		assertThat(licence.fields()).contains(new PrintedField("Dirección del predio", "Jr. Los Sauces 240, Cajamarca"),
				new PrintedField("Área techada (m²)", "95"));
		byte[] pdf = certificates.pdf(licence.verificationCode()).orElseThrow().content();
		assertThat(PdfChecks.text(pdf)).contains("LICENCIA DE EDIFICACIÓN", "Jr. Los Sauces 240", "36 meses");
		assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();

		assertThat(instance).isWaitingAt("verifyAfterwards");
		assertThat(candidateGroups(instance)).containsExactly("obras-privadas");
		taskService.complete(task(instance).getId(), Map.of("conforme", true));
		assertThat(instance).isEnded().hasPassedInOrder("issueOnFiling", "notifyApproval", "verifyAfterwards",
				"verified");
	}

	@Test
	void modalidadARefusesWorksLargerThanItAllows() {
		Expedientes.ModelApplication refused = applications.fileBuildingLicence(Staff.CAJAMARCA, "a", 150);
		assertThat(refused.filing()).isNull();
		assertThat(refused.submission().errors()).singleElement()
			.satisfies(error -> assertThat(error.fieldId()).isEqualTo("areaTechada"));
	}

	@Test
	void modalidadBIsGrantedAfterTheProjectIsVerified() {
		Filing filing = applications.fileBuildingLicence(Staff.CAJAMARCA, "b", 480).filing();
		ProcessInstance instance = instanceOf(filing);
		assertThat(instance).isWaitingAt("reviewProject");
		assertThat(certificates.findForCase(expediente(filing).id())).isEmpty();
		taskService.complete(task(instance).getId(), Map.of("aprobado", true, "fundamento", "El proyecto cumple los parámetros."));

		assertThat(instance).isEnded().hasPassedInOrder("reviewProject", "issueLicence", "notifyApproval", "approved");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.APROBADO);
		assertThat(certificates.findForCase(expediente(filing).id()).orElseThrow().legend()).isNull();
	}

	@Test
	void modalidadBMayBeDeniedWithGrounds() {
		Filing filing = applications.fileBuildingLicence(Staff.BANOS, "b", 480).filing();
		ProcessInstance instance = instanceOf(filing);
		taskService.complete(task(instance).getId(), Map.of("aprobado", false, "fundamento",
				"Excede la altura máxima de la zonificación."));

		assertThat(instance).isEnded().hasPassed("notifyDenial", "denied").hasNotPassed("issueLicence");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(certificates.findForCase(expediente(filing).id())).isEmpty();
	}

	@Test
	void modalidadBIsApprovedByPositiveSilenceWhenTheTermLapses() {
		Filing filing = applications.fileBuildingLicence(Staff.CAJAMARCA, "b", 480).filing();
		ProcessInstance instance = instanceOf(filing);
		Job silence = managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId(ProcessDeadlines.LEGAL_TERM_TIMER).singleResult();
		TestTime.set(Date.from(silence.getDuedate().toInstant().plusSeconds(1)));
		managementService.executeJob(silence.getId());

		assertThat(instance).isEnded().hasPassedInOrder("legalTermExpired", "issueBySilence", "notifySilenceApproval",
				"approvedBySilence");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.APROBADO_POR_SILENCIO);
		CertificateView licence = certificates.findForCase(expediente(filing).id()).orElseThrow();
		assertThat(licence.legend()).isEqualTo("certificate.legend.positiveSilence");
	}

}
