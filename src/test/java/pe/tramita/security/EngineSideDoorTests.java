package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.tramita.modeling.ModelRulesFixtures;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The side doors to the engine, tried as an attacker would over real HTTP: Camunda's REST API with a clerk's
 * password, with a logged-in browser's cookie, from another site; Camunda's webapps as a clerk or an advisor, or
 * through a forged request in an administrator's browser. Each refused, and the cases left as they were.
 */
@TramitaTest
class EngineSideDoorTests {

	static final String BANOS = Staff.BANOS;

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	String clerk;

	String advisor;

	String admin;

	@BeforeEach
	void people() {
		clerk = staff.create("t.puerta.gerencia", Offices.GERENCIA, Staff.CAJAMARCA);
		advisor = staff.create("t.puerta.asesor", Offices.ASESOR, Staff.CAJAMARCA);
		admin = staff.create("t.puerta.admin", Offices.ADMIN, Staff.CAJAMARCA);
	}

	@Test
	void aClerkCannotUseTheRestApiAtAllNorReachAnotherMunicipalitysCase() {
		Filing own = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Filing other = applications.fileLicence(BANOS, RiskLevel.BAJO, "41234567", "Rosa Chávez Ayay");
		Task task = taskOf(own);
		long otherId = expedientes.findByCaseNumber(other.caseNumber()).orElseThrow().id();
		String completeWithOtherCase = "{\"variables\":{\"expedienteId\":{\"value\":" + otherId
				+ ",\"type\":\"Long\"},\"requisitosCompletos\":{\"value\":true,\"type\":\"Boolean\"}}}";
		HttpVisitor attacker = new HttpVisitor(port);
		String credentials = HttpVisitor.basic(clerk, Staff.PASSWORD);
		for (HttpRequest.Builder request : List.of(
				attacker.request("/engine-rest/task/" + task.getId() + "/complete").POST(json(completeWithOtherCase)),
				attacker.request("/engine-rest/engine/default/task/" + task.getId() + "/complete").POST(json(completeWithOtherCase)),
				attacker.request("/engine-rest/%74ask/" + task.getId() + "/complete").POST(json(completeWithOtherCase)),
				attacker.request("/engine-rest/task/" + task.getId() + "/complete/").POST(json(completeWithOtherCase)),
				attacker.request("/engine-rest/task/" + task.getId() + "/variables/expedienteId")
					.PUT(json("{\"value\":" + otherId + ",\"type\":\"Long\"}")),
				attacker.request("/engine-rest/task/" + task.getId() + "/assignee").POST(json("{\"userId\":\"mesa.banos\"}")),
				attacker.request("/engine-rest/task").GET(),
				attacker.request("/engine-rest/process-instance").GET(),
				attacker.request("/engine-rest/process-definition/key/licencia-funcionamiento/start")
					.POST(json("{\"variables\":{\"expedienteId\":{\"value\":" + otherId + ",\"type\":\"Long\"}}}")),
				attacker.request("/engine-rest/user").GET(),
				attacker.request("/engine-rest/group/camunda-admin/members/" + clerk).PUT(json("{}")),
				attacker.request("/engine-rest/deployment/create").POST(HttpRequest.BodyPublishers.noBody()))) {
			HttpResponse<String> answer = attacker.send(request.header("Authorization", credentials)
				.setHeader("Content-Type", "application/json").setHeader("Accept", "application/json"));
			assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri()).isEqualTo(403);
		}
		Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after).as("the task is still open").isNotNull();
		assertThat(after.getAssignee()).isNull();
		assertThat(taskService.getVariable(task.getId(), Expedientes.EXPEDIENTE_VARIABLE))
			.isEqualTo(expedientes.findByCaseNumber(own.caseNumber()).orElseThrow().id());
		assertThat(expedientes.findByCaseNumber(other.caseNumber()).orElseThrow().status())
			.isEqualTo(ExpedienteStatus.EN_TRAMITE);
	}

	@Test
	void anAdvisorDeploysAndReadsButDoesNothingElse() {
		Filing own = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Task task = taskOf(own);
		HttpVisitor tool = new HttpVisitor(port);
		String credentials = HttpVisitor.basic(advisor, Staff.PASSWORD);
		for (String allowed : List.of("/engine-rest/version", "/engine-rest/deployment", "/engine-rest/process-definition",
				"/engine-rest/engine/default/process-definition/key/licencia-funcionamiento")) {
			assertThat(tool.get(allowed, "Authorization", credentials).statusCode()).as(allowed).isEqualTo(200);
		}
		String deploymentId = repositoryService.createDeploymentQuery().list().get(0).getId();
		for (HttpRequest.Builder request : List.of(
				tool.request("/engine-rest/task/" + task.getId() + "/complete").POST(json("{}")),
				tool.request("/engine-rest/task").GET(),
				tool.request("/engine-rest/deployment/" + deploymentId + "?cascade=true").DELETE(),
				tool.request("/engine-rest/migration/execute").POST(json("{}")),
				tool.request("/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables")
					.POST(json("{\"modifications\":{}}")),
				tool.request("/engine-rest/authorization/create").POST(json("{}")))) {
			HttpResponse<String> answer = tool.send(request.header("Authorization", credentials)
				.setHeader("Content-Type", "application/json"));
			assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri()).isEqualTo(403);
		}
		assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void anAdministratorUsesAllOfIt() {
		HttpVisitor tool = new HttpVisitor(port);
		assertThat(tool.get("/engine-rest/task?maxResults=1", "Authorization", HttpVisitor.basic(admin, Staff.PASSWORD))
			.statusCode()).isEqualTo(200);
		assertThat(tool.get("/engine-rest/task?maxResults=1").statusCode()).as("no credentials").isEqualTo(401);
	}

	@Test
	void aLoggedInBrowsersCookieOpensNothingInTheRestApi() {
		HttpVisitor browser = HttpVisitor.loggedIn(port, advisor, Staff.PASSWORD);
		long deployments = repositoryService.createDeploymentQuery().count();
		HttpVisitor.Multipart model = new HttpVisitor.Multipart().field("deployment-name", "ataque")
			.file("licencia-funcionamiento.bpmn", "licencia-funcionamiento.bpmn", "application/octet-stream",
					ModelRulesFixtures.valid().getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> forged = browser.send(browser.request("/engine-rest/deployment/create")
			.header("Content-Type", model.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(model.bytes())));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("tramita-sesion"));
		assertThat(browser.get("/engine-rest/deployment").statusCode()).isEqualTo(401);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

		HttpVisitor clerkBrowser = HttpVisitor.loggedIn(port, clerk, Staff.PASSWORD);
		Task task = taskOf(applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO));
		assertThat(clerkBrowser.send(clerkBrowser.request("/engine-rest/task/" + task.getId() + "/variables/x")
			.PUT(json("{\"value\":1,\"type\":\"Long\"}"))).statusCode()).isEqualTo(401);
		assertThat(taskService.getVariable(task.getId(), "x")).isNull();
	}

	@Test
	void aRequestFromAnotherSiteIsRefusedEvenWithCredentials() {
		long deployments = repositoryService.createDeploymentQuery().count();
		HttpVisitor tool = new HttpVisitor(port);
		String credentials = HttpVisitor.basic(advisor, Staff.PASSWORD);
		for (String[] crossSite : List.of(new String[] { "Origin", "https://atacante.example" },
				new String[] { "Origin", "null" }, new String[] { "Sec-Fetch-Site", "cross-site" },
				new String[] { "Sec-Fetch-Site", "same-site" })) {
			HttpVisitor.Multipart model = new HttpVisitor.Multipart().field("deployment-name", "ataque")
				.file("licencia-funcionamiento.bpmn", "licencia-funcionamiento.bpmn", "application/octet-stream",
						ModelRulesFixtures.valid().getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> answer = tool.postRaw("/engine-rest/deployment/create", model.contentType(),
					model.bytes(), "Authorization", credentials, crossSite[0], crossSite[1]);
			assertThat(answer.statusCode()).as(String.join(": ", crossSite)).isEqualTo(403);
			assertThat(answer.body()).contains("desde otro sitio");
		}
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(tool.get("/engine-rest/version", "Authorization", credentials, "Origin", "http://localhost:" + port,
				"Sec-Fetch-Site", "same-origin").statusCode()).as("Tramita's own origin").isEqualTo(200);
	}

	@Test
	void camundasWebappsAreForAdministratorsOnly() {
		Task task = taskOf(applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO));
		for (String user : List.of(clerk, advisor)) {
			HttpVisitor browser = HttpVisitor.loggedIn(port, user, Staff.PASSWORD);
			for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
					"/camunda/api/engine/engine/default/task", "/%63amunda/app/tasklist/default/",
					"/camunda/api/admin/auth/user/default")) {
				assertThat(browser.get(path, "Accept", "application/json").statusCode()).as(user + " " + path)
					.isIn(400, 403);
			}
			HttpResponse<String> complete = browser.postRaw("/camunda/api/engine/engine/default/task/" + task.getId()
					+ "/complete", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
			assertThat(complete.statusCode()).as(user + " completes through the Tasklist's API").isEqualTo(403);
		}
		HttpVisitor administrator = HttpVisitor.loggedIn(port, admin, Staff.PASSWORD);
		assertThat(administrator.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void aForgedRequestInAnAdministratorsBrowserIsRefusedByTheWebapps() {
		Task task = taskOf(applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO));
		HttpVisitor administrator = HttpVisitor.loggedIn(port, admin, Staff.PASSWORD);
		assertThat(administrator.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		// what a page on another site can make the browser send: the cookies, no X-XSRF-TOKEN header
		HttpResponse<String> forged = administrator.postRaw("/camunda/api/engine/engine/default/task/" + task.getId()
				+ "/complete", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), "Origin", "https://atacante.example");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	private Task taskOf(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
	}

	private static HttpRequest.BodyPublisher json(String body) {
		return HttpRequest.BodyPublishers.ofString(body);
	}

}
