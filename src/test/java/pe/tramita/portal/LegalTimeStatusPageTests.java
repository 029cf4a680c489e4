package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/** What the citizen reads about the legal clock: stopped while observed, and approval by positive silence. */
@TramitaTest
class LegalTimeStatusPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@AfterEach
	void resetClock() {
		TestTime.reset();
	}

	@Test
	void anObservedCaseSaysTheTermIsStopped() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		complete(filing, Map.of("requisitosCompletos", false, "observacion", "Falta la declaración jurada."));

		assertThat(statusPage(filing)).contains("Observado", "El plazo para resolver está detenido mientras usted subsana");
	}

	@Test
	void aCaseApprovedBySilenceSaysSoAndOffersItsLicence() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		complete(filing, Map.of("requisitosCompletos", true));
		letTheLegalTermLapse(filing);

		assertThat(statusPage(filing)).contains("Aprobado por silencio positivo",
				"quedó aprobada por silencio administrativo positivo", "Descargar el certificado (PDF)")
			.doesNotContain("El plazo para resolver está detenido");
	}

	@Test
	void anInformationRequestWithoutAnswerCountsAsDeniedAndTheCitizenMayAppeal() throws Exception {
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA);
		assertThat(statusPage(filing)).contains("se considera denegado por silencio negativo y puede apelar");
		letTheLegalTermLapse(filing);

		assertThat(statusPage(filing)).contains("Denegado por silencio negativo",
				"Puede apelar dentro de los 15 días hábiles", "Tribunal de Transparencia");
	}

	/** Moves the engine clock past the legal due date and runs the silence timer, as the job executor would. */
	private void letTheLegalTermLapse(Filing filing) {
		String instance = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult()
			.getProcessInstanceId();
		Job silence = managementService.createJobQuery()
			.processInstanceId(instance)
			.activityId(ProcessDeadlines.LEGAL_TERM_TIMER)
			.singleResult();
		TestTime.set(Date.from(silence.getDuedate().toInstant().plusSeconds(1)));
		managementService.executeJob(silence.getId());
	}

	private void complete(Filing filing, Map<String, Object> variables) {
		String task = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult().getId();
		taskService.complete(task, variables);
	}

	private String statusPage(Filing filing) throws Exception {
		return CaseSteps.statusPage(mvc, filing.caseNumber(), filing.accessCode());
	}

}
