package pe.tramita.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskView;
import pe.tramita.request.Filing;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;
import pe.tramita.tasklist.ClerkTasks;

/**
 * Offices are data: an administrator creates one and its members on a page, a model naming it deploys from then on,
 * and its cases reach its members — with no change to the code.
 */
@TramitaTest
class OfficeAdminTests {

	/** Llacanora, a municipality no other test uses. */
	static final String LLACANORA = "060107";

	static final String NEW_OFFICE = "registro-civil";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	TaskService taskService;

	@Autowired
	Applications applications;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	TaskSearch search;

	@Autowired
	OfficeDirectory offices;

	@Test
	void anOfficeCreatedOnThePageCanBeNamedByAModelAndWorksItsCases() throws Exception {
		String model = complaintModelThatCanRouteTo(NEW_OFFICE);
		assertThatThrownBy(() -> deploy(model)).as("refused while the office does not exist")
			.hasMessageContaining(NEW_OFFICE);

		Authentication admin = staff.login(Offices.ADMIN, LLACANORA);
		String clerkId = staff.create("t.registro.asuncion", "mesa-de-partes", LLACANORA);
		String created = follow(admin, post("/bandeja/oficinas").param("id", NEW_OFFICE)
			.param("nombre", "Oficina de Registro Civil").param("ubigeo", LLACANORA));
		assertThat(created).contains("Oficina creada.", "Oficina de Registro Civil");
		String added = follow(admin, post("/bandeja/oficinas/" + NEW_OFFICE + "/miembros").param("usuario", clerkId));
		assertThat(added).contains("Cambios guardados.", clerkId);
		assertThat(follow(admin, get("/bandeja/oficinas"))).contains("Oficina de Registro Civil", NEW_OFFICE);

		deploy(model);
		Filing filing = applications.fileComplaint(LLACANORA);
		StaffUser mesa = staff.clerk("mesa-de-partes", LLACANORA);
		String route = taskOf(filing).getId();
		tasks.claim(route, mesa);
		assertThat(tasks.complete(route, mesa, Map.of("oficinaResponsable", NEW_OFFICE)).valid()).isTrue();

		StaffUser registrar = (StaffUser) staff.loginAs(clerkId).getPrincipal();
		assertThat(registrar.offices()).contains(NEW_OFFICE);
		Task answer = taskOf(filing);
		assertThat(search.page(registrar, TaskFilter.of(TaskView.OFFICE)).rows())
			.as("offered to the new office's members").anyMatch(row -> row.taskId().equals(answer.getId()));
		tasks.claim(answer.getId(), registrar);
		assertThat(tasks.complete(answer.getId(), registrar,
				Map.of("fundamento", "Se corrigió la partida observada y se entregó la copia.")).valid()).isTrue();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).count()).isZero();
	}

	@Test
	void badChangesAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
		Authentication admin = staff.login(Offices.ADMIN, LLACANORA);
		assertThat(follow(admin, post("/bandeja/oficinas").param("id", "Mal Nombre").param("nombre", "Oficina")))
			.contains("El identificador debe tener de 3 a 40 caracteres");
		assertThat(follow(admin, post("/bandeja/oficinas").param("id", "mesa-de-partes").param("nombre", "Otra mesa")))
			.contains("Ya existe una oficina con ese identificador.");
		assertThat(follow(admin, post("/bandeja/oficinas").param("id", "oficina-sin-nombre")
			.param("nombre", "\u200b\u200b\u200b"))).contains("El nombre debe tener de 3 a 120 caracteres legibles.");
		assertThat(follow(admin, post("/bandeja/oficinas").param("id", "oficina-lejana").param("nombre", "Oficina lejana")
			.param("ubigeo", "999999"))).contains("Una de las municipalidades elegidas no existe.");
		assertThat(offices.exists("oficina-sin-nombre") || offices.exists("oficina-lejana")).isFalse();

		follow(admin, post("/bandeja/oficinas").param("id", "archivo-central").param("nombre", "Archivo Central")
			.param("ubigeo", LLACANORA));
		assertThat(follow(admin, post("/bandeja/oficinas/archivo-central/miembros").param("usuario", "nadie-existe")))
			.contains("Ese usuario no existe.");
		String elsewhere = staff.create("t.archivo.cajamarca", "mesa-de-partes", Staff.CAJAMARCA);
		assertThat(follow(admin, post("/bandeja/oficinas/archivo-central/miembros").param("usuario", elsewhere)))
			.contains("Ese usuario no trabaja en ninguna de las municipalidades que tienen esta oficina.");
		assertThat(offices.find("archivo-central").orElseThrow().members()).isEmpty();
		assertThat(mvc.perform(get("/bandeja/oficinas/no-existe").with(authentication(admin))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsSeeOrChangeOffices() throws Exception {
		Authentication clerk = staff.login("mesa-de-partes", LLACANORA);
		assertThat(status(get("/bandeja/oficinas").with(authentication(clerk)))).isEqualTo(403);
		assertThat(status(post("/bandeja/oficinas").param("id", "oficina-de-un-clerk").param("nombre", "Oficina")
			.with(authentication(clerk)).with(csrf()))).isEqualTo(403);
		assertThat(status(post("/bandeja/oficinas/mesa-de-partes/miembros").param("usuario", "t.intruso")
			.with(authentication(clerk)).with(csrf()))).isEqualTo(403);
		assertThat(offices.exists("oficina-de-un-clerk")).isFalse();

		// an administrator's browser made to post from another site carries no CSRF token: nothing is created
		Authentication admin = staff.login(Offices.ADMIN, LLACANORA);
		assertThat(status(post("/bandeja/oficinas").param("id", "oficina-de-otro-sitio").param("nombre", "Oficina")
			.with(authentication(admin)))).isEqualTo(403);
		assertThat(offices.exists("oficina-de-otro-sitio")).isFalse();
	}

	private Task taskOf(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
	}

	/** The complaint model as shipped, with one more office its routing step may choose. */
	private static String complaintModelThatCanRouteTo(String office) throws Exception {
		String model = new ClassPathResource("processes/queja-reclamo/queja-reclamo.bpmn")
			.getContentAsString(StandardCharsets.UTF_8);
		String last = "<camunda:value id=\"mesa-de-partes\" name=\"Mesa de Partes\" />";
		assertThat(model).contains(last);
		return model.replace(last, last + "\n<camunda:value id=\"" + office + "\" name=\"Registro Civil\" />");
	}

	private void deploy(String model) {
		repositoryService.createDeployment().tenantId(LLACANORA).name("queja-reclamo con registro civil")
			.addString("queja-reclamo.bpmn", model).deploy();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String follow(Authentication user, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.with(authentication(user)).with(csrf())).andReturn();
		if (result.getResponse().getRedirectedUrl() != null) {
			result = mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies())
				.with(authentication(user))).andReturn();
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
