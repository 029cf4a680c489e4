package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import pe.tramita.calendar.LegalClock;
import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.DocumentType;
import pe.tramita.certificate.PrintedField;
import pe.tramita.request.ApplicationItem;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Filing;
import pe.tramita.support.Staff;

/** Every path of processes/queja-reclamo: reception routes the complaint, the office in charge answers it. */
class QuejaReclamoProcessTests extends ProcessPathTests {

	@Test
	void receptionRoutesTheComplaintAndTheOfficeInChargeAnswersIt() {
		Filing filing = applications.fileComplaint(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		ExpedienteView filed = expediente(filing);
		assertThat(filed.applicationData()).contains(
				new ApplicationItem("Servicio o atención que reclama", "Limpieza pública y recojo de residuos"),
				new ApplicationItem("Cuándo ocurrió", "20/11/2026"));
		assertThat(instance).isWaitingAt("routeComplaint");
		assertThat(task(instance).getDueDate()).isEqualTo(LegalClock.endOfDay(filed.dueDate()));
		assertThat(candidateGroups(instance)).containsExactly("mesa-de-partes");

		taskService.complete(task(instance).getId(), Map.of("oficinaResponsable", "servicios-publicos"));
		assertThat(instance).isWaitingAt("answerComplaint");
		assertThat(candidateGroups(instance)).containsExactly("servicios-publicos");
		taskService.complete(task(instance).getId(), Map.of("fundamento",
				"Se reprogramó la ruta del camión recolector; el recojo se restablece desde el lunes.", "medidas",
				"Ruta 4 reprogramada."));

		assertThat(instance).isEnded().hasPassedInOrder("routeComplaint", "answerComplaint", "issueResponse",
				"notifyAnswer", "complaintAnswered");
		ExpedienteView answered = expediente(filing);
		assertThat(answered.status()).isEqualTo(ExpedienteStatus.ATENDIDO);
		assertThat(answered.decisionReason()).startsWith("Se reprogramó la ruta");
		CertificateView constancia = certificates.findForCase(answered.id()).orElseThrow();
		assertThat(constancia.documentType()).isEqualTo(DocumentType.CONSTANCIA);
		assertThat(constancia.number()).matches("CT-\\d{4}-\\d{6}");
		assertThat(constancia.holder()).isEqualTo("Juana Quispe Ñahui");
		assertThat(constancia.fields()).contains(
				new PrintedField("certificate.pdf.procedure", "Reclamo por la atención o un servicio municipal"));
	}

	@Test
	void receptionMaySendTheComplaintToAnyOffice() {
		Filing filing = applications.fileComplaint(Staff.BANOS);
		ProcessInstance instance = instanceOf(filing);
		taskService.complete(task(instance).getId(), Map.of("oficinaResponsable", "licencias"));

		assertThat(candidateGroups(instance)).containsExactly("licencias");
		assertThat(task(instance).getTenantId()).isEqualTo(Staff.BANOS);
	}

}
