package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Filing;
import pe.tramita.support.Staff;

/**
 * Every path of processes/presupuesto-participativo: a registered agent's viable project prioritized and published
 * (on the public results page, without personal data), or stopped at registration, at the technical evaluation, or at
 * the prioritization workshop.
 */
class PresupuestoParticipativoProcessTests extends ProcessPathTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aViableProjectOfARegisteredAgentIsPrioritizedAndPublished() throws Exception {
		Filing filing = applications.fileProposal(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "verifyAgent", Map.of("agenteInscrito", true));
		complete(instance, "evaluateProject", Map.of("viable", true, "costoEvaluado", 195000L, "fundamento",
				"Viable: pavimento de concreto y cunetas, 320 m lineales."));
		complete(instance, "recordPrioritization", Map.of("priorizado", true, "puesto", 3L, "fundamento",
				"Priorizado en el puesto 3 del taller del 15/11/2026."));

		assertThat(instance).isEnded().hasPassedInOrder("verifyAgent", "evaluateProject", "recordPrioritization",
				"issuePrioritizationRecord", "publishPrioritized", "projectIncluded");
		ExpedienteView published = expediente(filing);
		assertThat(published.status()).isEqualTo(ExpedienteStatus.APROBADO);
		assertThat(published.decisionReason()).contains("puesto 3");
		assertThat(certificates.findForCase(published.id()).orElseThrow().number()).startsWith("CT-");

		String results = mvc.perform(get("/m/060101/tramites/presupuesto-participativo/resultados"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(results).contains("Mejoramiento del pasaje peatonal Los Pinos", "Junta Vecinal Barrio San Martín",
				"Priorizado en el puesto 3", filing.caseNumber())
			.as("no personal data").doesNotContain("Juana Quispe", "45678912", "juana@example.pe");
		mvc.perform(get("/m/060101/tramites/queja-reclamo/resultados")).andExpect(status().isNotFound());
	}

	@Test
	void anOrganisationThatIsNotARegisteredAgentIsToldWhy() {
		Filing filing = applications.fileProposal(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "verifyAgent", Map.of("agenteInscrito", false, "fundamento",
				"La organización no figura en el registro de agentes participantes 2026."));

		assertThat(instance).isEnded().hasPassed("publishNotSelected", "projectNotSelected")
			.hasNotPassed("evaluateProject");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(expediente(filing).decisionReason()).contains("no figura en el registro");
	}

	@Test
	void aProjectThatIsNotViableStopsAtTheTechnicalEvaluation() {
		Filing filing = applications.fileProposal(Staff.BANOS);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "verifyAgent", Map.of("agenteInscrito", true));
		complete(instance, "evaluateProject", Map.of("viable", false, "fundamento",
				"El pasaje es de propiedad privada; no es de competencia municipal."));

		assertThat(instance).isEnded().hasPassed("publishNotSelected").hasNotPassed("recordPrioritization");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(certificates.findForCase(expediente(filing).id())).isEmpty();
	}

	@Test
	void aViableProjectTheWorkshopDidNotPrioritizeIsPublishedAsSuch() {
		Filing filing = applications.fileProposal(Staff.CAJAMARCA);
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "verifyAgent", Map.of("agenteInscrito", true));
		complete(instance, "evaluateProject", Map.of("viable", true, "costoEvaluado", 180000L, "fundamento", "Viable."));
		complete(instance, "recordPrioritization", Map.of("priorizado", false, "fundamento",
				"No alcanzó el puntaje de corte del taller."));

		assertThat(instance).isEnded().hasPassedInOrder("recordPrioritization", "publishNotSelected",
				"projectNotSelected");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
	}

	private void complete(ProcessInstance instance, String step, Map<String, Object> variables) {
		assertThat(instance).isWaitingAt(step);
		assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
			.anyMatch(link -> "planeamiento".equals(link.getGroupId()));
		taskService.complete(task(instance).getId(), variables);
	}

}
