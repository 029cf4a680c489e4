package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.document.Documents;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** A clerk of Los Baños del Inca never sees nor touches a case of Cajamarca, by any route of the task list. */
@TramitaTest
class TenantIsolationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	Applications applications;

	@Autowired
	TaskService taskService;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Documents documents;

	Filing cajamarcaCase;

	Task cajamarcaTask;

	ExpedienteView expediente;

	Authentication banosClerk;

	@BeforeEach
	void cajamarcaCaseAndABanosClerk() {
		cajamarcaCase = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		cajamarcaTask = taskService.createTaskQuery().processInstanceBusinessKey(cajamarcaCase.caseNumber()).singleResult();
		expediente = expedientes.findByCaseNumber(cajamarcaCase.caseNumber()).orElseThrow();
		banosClerk = staff.login("mesa-de-partes", Staff.BANOS);
	}

	@Test
	void taskListShowsOnlyTheClerksMunicipality() throws Exception {
		for (String view : new String[] { "mias", "oficina", "vencidas", "hoy", "semana", "seguimiento", "delegadas", "municipio" }) {
			for (String search : new String[] { "", cajamarcaCase.caseNumber(), expediente.applicantDocumentNumber(), "Quispe" }) {
				String list = mvc.perform(get("/bandeja").param("vista", view).param("buscar", search)
					.with(authentication(banosClerk))).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
				// the search is echoed in the search box; the case's row, task and applicant must not appear
				assertThat(list).doesNotContain(cajamarcaTask.getId(), "Juana Quispe", "/bandeja/expedientes/" + expediente.id());
				if (search.isEmpty()) {
					assertThat(list).doesNotContain(cajamarcaCase.caseNumber());
				}
			}
		}
		String own = mvc.perform(get("/bandeja").param("vista", "oficina").param("buscar", cajamarcaCase.caseNumber())
			.with(authentication(staff.login("mesa-de-partes", Staff.CAJAMARCA)))).andReturn().getResponse()
			.getContentAsString();
		assertThat(own).contains(cajamarcaCase.caseNumber(), cajamarcaTask.getId());
	}

	@Test
	void everyTaskRouteAnswersNotFoundWithoutData() throws Exception {
		String task = "/bandeja/tareas/" + cajamarcaTask.getId();
		assertHidden(mvc.perform(get(task).with(authentication(banosClerk))).andReturn().getResponse());
		assertHidden(mvc.perform(post(task + "/reclamar").with(authentication(banosClerk)).with(csrf())).andReturn()
			.getResponse());
		assertHidden(mvc.perform(post(task + "/liberar").with(authentication(banosClerk)).with(csrf())).andReturn()
			.getResponse());
		assertHidden(mvc.perform(post(task + "/completar").with(authentication(banosClerk)).with(csrf())
			.param("requisitosCompletos", "true")).andReturn().getResponse());
		long documentId = documents.listFor(expediente.id()).get(0).id();
		assertHidden(mvc.perform(get("/bandeja/expedientes/" + expediente.id() + "/documentos/" + documentId)
			.with(authentication(banosClerk))).andReturn().getResponse());

		Task untouched = taskService.createTaskQuery().taskId(cajamarcaTask.getId()).singleResult();
		assertThat(untouched).isNotNull();
		assertThat(untouched.getAssignee()).isNull();
	}

	@Test
	void everyHandOverCommentAttachmentAndCaseRouteAnswersNotFoundAndChangesNothing() throws Exception {
		// even a supervisor and an administrator of Los Baños del Inca: their reach ends at their municipality
		staff.create("t.jefa.060108", "supervision", Staff.BANOS);
		for (Authentication outsider : List.of(banosClerk, staff.loginAs("t.jefa.060108"))) {
			String task = "/bandeja/tareas/" + cajamarcaTask.getId();
			String colleague = staff.create("t.beto.060101", "mesa-de-partes", Staff.CAJAMARCA);
			for (String[] action : new String[][] { { "/asignar", "colega", colleague }, { "/delegar", "colega", colleague },
					{ "/resolver", "respuesta", "hecho" }, { "/seguimiento", "fecha", "01/12/2026" },
					{ "/comentar", "comentario", "comentario ajeno" } }) {
				assertHidden(mvc.perform(post(task + action[0]).param(action[1], action[2]).with(authentication(outsider))
					.with(csrf())).andReturn().getResponse());
			}
			assertHidden(mvc.perform(multipart(task + "/adjuntar")
				.file(new MockMultipartFile("archivo", "x.pdf", "application/pdf", SampleFiles.pdf()))
				.with(authentication(outsider)).with(csrf())).andReturn().getResponse());
			for (String page : List.of("/bandeja/expedientes/" + expediente.id(),
					"/bandeja/expedientes/" + expediente.id() + "/diagrama.bpmn")) {
				assertHidden(mvc.perform(get(page).with(authentication(outsider))).andReturn().getResponse());
			}
		}
		Task untouched = taskService.createTaskQuery().taskId(cajamarcaTask.getId()).singleResult();
		assertThat(untouched.getAssignee()).isNull();
		assertThat(untouched.getOwner()).isNull();
		assertThat(untouched.getFollowUpDate()).isNull();
		assertThat(documents.listFor(expediente.id())).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.staff_action WHERE expediente_id = ?", Integer.class,
				expediente.id())).isZero();
	}

	@Test
	void aClerkOfTheRightMunicipalityButAnotherOfficeCannotOpenTheTask() throws Exception {
		Authentication licencias = staff.login("licencias", Staff.CAJAMARCA);
		assertHidden(mvc.perform(get("/bandeja/tareas/" + cajamarcaTask.getId()).with(authentication(licencias)))
			.andReturn().getResponse());
	}

	@Test
	void engineRestApiIsClosedToClerks() throws Exception {
		staff.login("mesa-de-partes", Staff.BANOS);
		HttpResponse<String> asBanosClerk = restGet("/engine-rest/task", "t.mesa-de-partes.060108:" + Staff.PASSWORD);
		assertThat(asBanosClerk.statusCode()).isEqualTo(403);
		assertThat(asBanosClerk.body()).doesNotContain(cajamarcaTask.getId());
		assertThat(restGet("/engine-rest/task", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> restGet(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void citizenPagesNeedNoLoginButTheTaskListDoes() throws Exception {
		mvc.perform(get("/bandeja").accept("text/html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/m/060108")).andExpect(status().isOk());
	}

	private void assertHidden(org.springframework.mock.web.MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).doesNotContain(cajamarcaCase.caseNumber(), "Juana", "Bodega");
	}

}
