package pe.tramita.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;

/** Moves a filed case along as its staff and its timers would, and reads it as its citizen does. */
@Component
public class CaseSteps {

	private final TaskService taskService;

	private final ManagementService managementService;

	private final Expedientes expedientes;

	/** Only the shared test context has one; applications the tests start themselves find these classes too. */
	private final ObjectProvider<MockMvc> mvc;

	CaseSteps(TaskService taskService, ManagementService managementService, Expedientes expedientes,
			ObjectProvider<MockMvc> mvc) {
		this.taskService = taskService;
		this.managementService = managementService;
		this.expedientes = expedientes;
		this.mvc = mvc;
	}

	/** Completes the case's open task {@code step} with the form's values; fails if the case does not wait there. */
	public void complete(Filing filing, String step, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
			.taskDefinitionKey(step).singleResult();
		assertThat(task).as("case " + filing.caseNumber() + " waits at " + step).isNotNull();
		taskService.complete(task.getId(), variables);
	}

	/** Fires the case's timer {@code activity} now, as the job executor would once it is due. */
	public void fireTimer(Filing filing, String activity) {
		String instance = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().processInstanceId();
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
			.activityId(activity).singleResult().getId());
	}

	/** The status page the citizen reads with the case's number and access code. */
	public String statusPage(Filing filing) throws Exception {
		return statusPage(mvc.getObject(), filing.caseNumber(), filing.accessCode());
	}

	/**
	 * The lookup form posted with the number and code, then the case's own page it leads to, opened with the cookie
	 * the lookup handed the browser.
	 */
	public static String statusPage(MockMvc mvc, String caseNumber, String accessCode) throws Exception {
		MockHttpServletResponse lookup = mvc.perform(post("/consulta").with(csrf()).param("expediente", caseNumber)
			.param("codigo", accessCode)).andExpect(status().is3xxRedirection()).andReturn().getResponse();
		assertThat(lookup.getRedirectedUrl()).isEqualTo("/consulta/" + caseNumber);
		return mvc.perform(get(lookup.getRedirectedUrl()).cookie(lookup.getCookies()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
