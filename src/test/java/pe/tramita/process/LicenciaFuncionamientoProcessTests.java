package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.PrintedField;
import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;

/** Every path of processes/licencia-funcionamiento, through the real engine, beans and database. */
class LicenciaFuncionamientoProcessTests extends ProcessPathTests {

	@Test
	void lowRiskLicenceIsGrantedWithoutInspectionAndGetsACertificate() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		ProcessInstance instance = instanceOf(filing);
		assertThat(instance).isWaitingAt("reviewRequirements");
		assertThat(instance.getTenantId()).isEqualTo(Staff.CAJAMARCA);
		assertThat(task(instance).getDueDate()).isNotNull();

		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", true));
		complete(instance, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		complete(instance, "decideLicence", Map.of("aprobado", true, "fundamento", "Cumple todos los requisitos."));

		assertThat(instance).isEnded().hasPassedInOrder("reviewRequirements", "classifyRisk", "decideLicence",
				"issueCertificate", "notifyApproval", "licenceGranted").hasNotPassed("inspectSafety");
		ExpedienteView expediente = expediente(filing);
		assertThat(expediente.status()).isEqualTo(ExpedienteStatus.APROBADO);
		assertThat(expediente.decisionReason()).isEqualTo("Cumple todos los requisitos.");
		CertificateView certificate = certificates.findForCase(expediente.id()).orElseThrow();
		assertThat(certificate.fields()).contains(new PrintedField("certificate.pdf.risk", "Medio"));
		assertThat(certificate.number()).matches("LF-\\d{4}-\\d{6}");
	}

	@Test
	void highRiskNeedsTheSafetyInspectionBeforeTheDecision() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.ALTO);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", true));
		complete(instance, "classifyRisk", Map.of("nivelRiesgo", "ALTO"));
		assertThat(instance).isWaitingAt("inspectSafety");
		assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
			.anyMatch(link -> "defensa-civil".equals(link.getGroupId()));

		complete(instance, "inspectSafety", Map.of("itseFavorable", true, "informeItse", "Cumple las condiciones."));
		assertThat(instance).isWaitingAt("decideLicence");
		complete(instance, "decideLicence", Map.of("aprobado", true, "fundamento", "ITSE favorable, se otorga."));

		assertThat(instance).isEnded().hasPassedInOrder("classifyRisk", "inspectSafety", "decideLicence",
				"licenceGranted");
		assertThat(certificates.findForCase(expediente(filing).id())).isPresent();
	}

	@Test
	void deniedLicenceEndsWithReasonsAndNoCertificate() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.MUY_ALTO);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", true));
		complete(instance, "classifyRisk", Map.of("nivelRiesgo", "MUY_ALTO"));
		complete(instance, "inspectSafety", Map.of("itseFavorable", false, "informeItse", "Sin salidas de emergencia."));
		complete(instance, "decideLicence", Map.of("aprobado", false, "fundamento", "La ITSE fue desfavorable."));

		assertThat(instance).isEnded().hasPassed("notifyDenial", "licenceDenied").hasNotPassed("issueCertificate");
		ExpedienteView expediente = expediente(filing);
		assertThat(expediente.status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(expediente.decisionReason()).isEqualTo("La ITSE fue desfavorable.");
		assertThat(certificates.findForCase(expediente.id())).isEmpty();
	}

	@Test
	void observedApplicationReturnsToReviewWhenTheCitizenCorrectsIt() {
		Filing filing = applications.fileLicence(Staff.BANOS, RiskLevel.BAJO);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "reviewRequirements",
				Map.of("requisitosCompletos", false, "observacion", "Falta la declaración jurada firmada."));

		assertThat(instance).isWaitingAt("awaitCorrection");
		ExpedienteView observed = expediente(filing);
		assertThat(observed.status()).isEqualTo(ExpedienteStatus.OBSERVADO);
		assertThat(observed.observation()).isEqualTo("Falta la declaración jurada firmada.");

		byte[] pdf = SampleFiles.pdf();
		expedientes.correctObservations(filing.caseNumber(), filing.accessCode(),
				List.of(new UploadedFile("subsanacion", "dj-firmada.pdf", FileKind.PDF, pdf, Documents.sha256(pdf))));

		assertThat(instance).isWaitingAt("reviewRequirements");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.EN_TRAMITE);
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).list())
			.as("only the silence timer, running again")
			.singleElement()
			.satisfies(job -> assertThat(job.getDuedate()).isBefore(ProcessDeadlines.CLOCK_STOPPED));
		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", true));
		assertThat(instance).isWaitingAt("classifyRisk");
	}

	@Test
	void observedApplicationIsTreatedAsNotSubmittedWhenTheCorrectionTermLapses() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "reviewRequirements",
				Map.of("requisitosCompletos", false, "observacion", "Falta la vigencia de poder."));

		Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("correctionTermExpired")
			.singleResult();
		ZonedDateTime now = ZonedDateTime.now(TramitaApplication.LIMA);
		// two business days after today always fall within the next 2 to 9 calendar days, holidays included
		assertThat(Duration.between(now.toInstant(), timer.getDuedate().toInstant()).toDays()).isBetween(1L, 9L);
		assertThat(timer.getDuedate()).isAfter(new Date());

		TestTime.set(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
		managementService.executeJob(timer.getId());

		assertThat(instance).isEnded().hasPassed("correctionTermExpired", "closeAsNotSubmitted", "filingNotSubmitted");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.NO_PRESENTADO);
	}

	@Test
	void whenTheLegalTermLapsesWithoutDecisionTheLicenceIsApprovedByPositiveSilence() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.MEDIO);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", true));
		complete(instance, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		assertThat(instance).isWaitingAt("decideLicence");

		Job silence = silenceTimer(instance);
		assertThat(silence.getDuedate()).isEqualTo(LegalClock.endOfDay(expediente(filing).dueDate()));
		TestTime.set(Date.from(silence.getDuedate().toInstant().plusSeconds(60)));
		managementService.executeJob(silence.getId());

		assertThat(instance).isEnded()
			.hasPassedInOrder("legalTermExpired", "issueCertificateBySilence", "notifySilenceApproval",
					"licenceGrantedBySilence")
			.hasNotPassed("licenceApproved", "issueCertificate");
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		ExpedienteView expediente = expediente(filing);
		assertThat(expediente.status()).isEqualTo(ExpedienteStatus.APROBADO_POR_SILENCIO);
		assertThat(expedientes.events(expediente.id())).anyMatch(event -> event.messageKey().equals("timeline.event.APROBADO_POR_SILENCIO"));
		CertificateView certificate = certificates.findForCase(expediente.id()).orElseThrow();
		assertThat(certificate.legend()).isEqualTo("certificate.legend.positiveSilence");
		assertThat(PdfChecks.text(certificates.pdf(certificate.verificationCode()).orElseThrow().content()))
			.contains("APROBADO POR SILENCIO ADMINISTRATIVO POSITIVO");
	}

	@Test
	void anObservationStopsTheLegalTermAndTheCorrectionResumesItWithTheDaysItStoodStill() {
		// Monday 1 February 2027, 09:00 in Lima: 15 business days end on Monday 22 February (no holiday in between)
		TestTime.set(Date.from(ZonedDateTime.of(2027, 2, 1, 9, 0, 0, 0, TramitaApplication.LIMA).toInstant()));
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		ProcessInstance instance = instanceOf(filing);
		assertThat(expediente(filing).dueDate()).isEqualTo(LocalDate.of(2027, 2, 22));
		complete(instance, "reviewRequirements", Map.of("requisitosCompletos", false, "observacion", "Falta el poder."));
		assertThat(silenceTimer(instance).getDuedate()).as("clock stopped").isEqualTo(ProcessDeadlines.CLOCK_STOPPED);

		// the citizen answers on Wednesday 3 February: Tuesday and Wednesday did not count
		TestTime.set(Date.from(ZonedDateTime.of(2027, 2, 3, 16, 0, 0, 0, TramitaApplication.LIMA).toInstant()));
		byte[] pdf = SampleFiles.pdf();
		expedientes.correctObservations(filing.caseNumber(), filing.accessCode(),
				List.of(new UploadedFile("subsanacion", "poder.pdf", FileKind.PDF, pdf, Documents.sha256(pdf))));

		LocalDate resumedDue = LocalDate.of(2027, 2, 24);
		assertThat(expediente(filing).dueDate()).isEqualTo(resumedDue);
		assertThat(runtimeService.getVariable(instance.getId(), ProcessDeadlines.DUE_DATE_VARIABLE))
			.isEqualTo(resumedDue.toString());
		assertThat(silenceTimer(instance).getDuedate()).isEqualTo(LegalClock.endOfDay(resumedDue));
		assertThat(task(instance).getDueDate()).isEqualTo(LegalClock.endOfDay(resumedDue));
	}

	private Job silenceTimer(ProcessInstance instance) {
		return managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(ProcessDeadlines.LEGAL_TERM_TIMER)
			.singleResult();
	}

	private void complete(ProcessInstance instance, String step, Map<String, Object> variables) {
		assertThat(instance).isWaitingAt(step);
		taskService.complete(task(instance).getId(), variables);
	}

}
