package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Whoever works a step sees what every earlier step recorded (the risk level, the ITSE result and report), with the
 * names of who did it; a step done again starts blank rather than with the previous round's answer.
 */
@TramitaTest
class StepAnswersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	CaseSteps steps;

	@Autowired
	TaskService taskService;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Staff staff;

	@Test
	void theDecisionStepShowsTheRiskLevelAndTheInspectionsResultAndReport() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.ALTO);
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "ALTO"));
		steps.complete(filing, "inspectSafety", Map.of("itseFavorable", true, "informeItse",
				"Local con dos salidas señalizadas, extintores vigentes y tablero eléctrico con llave diferencial."));

		String page = taskPage(filing, "decideLicence", staff.login("gerencia", Staff.CAJAMARCA));
		String earlier = page.substring(page.indexOf("id=\"pasos-anteriores\""), page.indexOf("id=\"task-form\""));
		assertThat(earlier).contains("Clasificar el nivel de riesgo", "Nivel de riesgo según la matriz ITSE", "Alto",
				"Inspección técnica de seguridad (ITSE)", "¿El establecimiento cumple las condiciones de seguridad?",
				"Sí", "Informe de la inspección", "tablero eléctrico con llave diferencial");
		assertThat(earlier.indexOf("Revisar requisitos")).as("in the order they were done")
			.isLessThan(earlier.indexOf("Clasificar el nivel de riesgo"));
	}

	@Test
	void aSecondReviewStartsBlankAndShowsTheFirstRoundAmongTheEarlierSteps() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Authentication clerk = staff.login("mesa-de-partes", Staff.CAJAMARCA);
		taskService.claim(taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult()
			.getId(), ((StaffUser) clerk.getPrincipal()).id());
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", false, "observacion",
				"Falta la firma en la declaración jurada."));
		byte[] pdf = SampleFiles.pdf();
		expedientes.correctObservations(filing.caseNumber(), filing.accessCode(),
				List.of(new UploadedFile("subsanacion", "dj-firmada.pdf", FileKind.PDF, pdf, Documents.sha256(pdf))));

		String page = taskPage(filing, "reviewRequirements", clerk);
		int formStart = page.indexOf("id=\"task-form\"");
		String form = page.substring(formStart, page.indexOf("</form>", formStart));
		assertThat(form).doesNotContain("Falta la firma en la declaración jurada.")
			.doesNotContainPattern("name=\"requisitosCompletos\" value=\"(true|false)\" checked");
		assertThat(page.substring(page.indexOf("id=\"pasos-anteriores\""), page.indexOf("id=\"task-form\"")))
			.contains("Revisar requisitos", "Falta la firma en la declaración jurada.", "No",
					((StaffUser) clerk.getPrincipal()).fullName());
	}

	/** The step's task page as that clerk sees it once they took it. */
	private String taskPage(Filing filing, String step, Authentication clerk) throws Exception {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
			.taskDefinitionKey(step).singleResult();
		taskService.claim(task.getId(), ((StaffUser) clerk.getPrincipal()).id());
		return mvc.perform(get("/bandeja/tareas/{id}", task.getId()).with(authentication(clerk))).andReturn()
			.getResponse()
			.getContentAsString();
	}

}
