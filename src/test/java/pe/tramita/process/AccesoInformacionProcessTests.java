package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Filing;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;

/**
 * Every path of processes/acceso-informacion: delivery in term, one extension announced within 2 business days,
 * the extension window closing by itself, reasoned denial, and negative silence when the term lapses.
 */
class AccesoInformacionProcessTests extends ProcessPathTests {

	@BeforeEach
	void startOnAMonday() {
		// Monday 1 February 2027, 09:00 in Lima: 10 business days end on Monday 15 February
		TestTime.set(Date.from(ZonedDateTime.of(2027, 2, 1, 9, 0, 0, 0, TramitaApplication.LIMA).toInstant()));
	}

	@Test
	void theInformationIsDeliveredWithinTheTerm() {
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		assertThat(expediente(filing).dueDate()).isEqualTo(LocalDate.of(2027, 2, 15));
		assertThat(instance).isWaitingAt("assessRequest");
		assertThat(task(instance).getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 2, 3)));

		complete(instance, "assessRequest", Map.of("prorrogar", false));
		complete(instance, "attendRequest", Map.of("entregar", true, "fundamento",
				"Se remiten los contratos 012-2026 y 031-2026 al correo indicado."));

		assertThat(instance).isEnded().hasPassedInOrder("assessRequest", "attendRequest", "issueDeliveryRecord",
				"notifyDelivery", "informationGiven").hasNotPassed("notifyExtension");
		ExpedienteView delivered = expediente(filing);
		assertThat(delivered.status()).isEqualTo(ExpedienteStatus.ATENDIDO);
		assertThat(certificates.findForCase(delivered.id()).orElseThrow().number()).startsWith("CT-");
	}

	@Test
	void oneExtensionAnnouncedInTimeMovesTheTermAndTheSilenceWithIt() {
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "assessRequest", Map.of("prorrogar", true, "diasProrroga", 5L, "motivoProrroga",
				"La información está en el archivo central y debe digitalizarse."));

		LocalDate extended = LocalDate.of(2027, 2, 22);
		assertThat(instance).isWaitingAt("attendRequest");
		assertThat(expediente(filing).dueDate()).isEqualTo(extended);
		assertThat(task(instance).getDueDate()).isEqualTo(LegalClock.endOfDay(extended));
		assertThat(silenceTimer(instance).getDuedate()).isEqualTo(LegalClock.endOfDay(extended));
		assertThat(expedientes.events(expediente(filing).id()))
			.anyMatch(event -> event.messageKey().equals("timeline.event.PRORROGADO")
					&& event.detail().startsWith("La información está en el archivo central"));
	}

	@Test
	void afterTwoBusinessDaysWithoutAnExtensionTheStepClosesByItself() {
		Filing filing = applications.fileInformationRequest(Staff.BANOS);
		ProcessInstance instance = instanceOf(filing);
		Job window = managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId("extensionWindowClosed").singleResult();
		assertThat(window.getDuedate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 2, 3)));

		TestTime.set(Date.from(window.getDuedate().toInstant().plusSeconds(1)));
		managementService.executeJob(window.getId());

		assertThat(instance).isWaitingAt("attendRequest").hasPassed("extensionWindowClosed")
			.hasNotPassed("notifyExtension");
		assertThat(expediente(filing).dueDate()).isEqualTo(LocalDate.of(2027, 2, 15));
	}

	@Test
	void aReasonedDenialEndsTheRequest() {
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "assessRequest", Map.of("prorrogar", false));
		complete(instance, "attendRequest", Map.of("entregar", false, "fundamento",
				"Información reservada por seguridad nacional (TUO Ley 27806, art. 16)."));

		assertThat(instance).isEnded().hasPassed("notifyDenial", "requestDenied").hasNotPassed("issueDeliveryRecord");
		ExpedienteView denied = expediente(filing);
		assertThat(denied.status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(denied.decisionReason()).contains("art. 16");
		assertThat(certificates.findForCase(denied.id())).isEmpty();
	}

	@Test
	void withoutAnAnswerWithinTheTermTheRequestCountsAsDenied() {
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "assessRequest", Map.of("prorrogar", false));

		Job silence = silenceTimer(instance);
		assertThat(silence.getDuedate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 2, 15)));
		TestTime.set(Date.from(silence.getDuedate().toInstant().plusSeconds(1)));
		managementService.executeJob(silence.getId());

		assertThat(instance).isEnded().hasPassed("legalTermExpired", "notifySilenceDenial", "requestDeniedBySilence")
			.hasNotPassed("informationGiven");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO_POR_SILENCIO);
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	private Job silenceTimer(ProcessInstance instance) {
		return managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId(ProcessDeadlines.LEGAL_TERM_TIMER).singleResult();
	}

	private void complete(ProcessInstance instance, String step, Map<String, Object> variables) {
		assertThat(instance).isWaitingAt(step);
		assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
			.anyMatch(link -> "transparencia".equals(link.getGroupId()));
		taskService.complete(task(instance).getId(), variables);
	}

}
