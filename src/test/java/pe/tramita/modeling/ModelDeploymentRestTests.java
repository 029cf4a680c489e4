package pe.tramita.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.catalog.ProcessModels;
import pe.tramita.security.Offices;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Deploying from Camunda Modeler: the multipart POST it sends to {@code /engine-rest/deployment/create}, with an
 * advisor's credentials (deployed, with who and from where recorded), a clerk's (refused), none (refused), and a
 * model that breaks the rules (refused with Camunda's parse report: our message, element and line).
 */
@TramitaTest
class ModelDeploymentRestTests {

	static final String GUZMANGO = "060504";

	static final String CHUGUR = "060702";

	static final String HUALGAYOC = "060703";

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessModels processModels;

	@Test
	void anAdvisorDeploysFromCamundaModelerAndAClerkCannot() throws Exception {
		String advisor = staff.create("t.asesor." + GUZMANGO, Offices.ASESOR, GUZMANGO);
		String clerk = staff.create("t.mesa-de-partes." + GUZMANGO, "mesa-de-partes", GUZMANGO);

		assertThat(deploy(null, ModelRulesTests.valid()).statusCode()).isEqualTo(401);
		assertThat(deploy(clerk, ModelRulesTests.valid()).statusCode()).isEqualTo(403);
		assertThat(deployments()).isZero();

		HttpResponse<String> refused = deploy(advisor, ModelRulesTests.BAD.get("scriptTask").apply(ModelRulesTests.valid()));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"type\":\"ParseException\"", "No se desplegó «licencia-funcionamiento.bpmn»",
				"tarea de script", "\"mainElementId\":\"run\"");
		assertThat(deployments()).isZero();

		HttpResponse<String> deployed = deploy(advisor, ModelRulesTests.valid());
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		assertThat(deployed.body()).contains("\"tenantId\":\"" + GUZMANGO + "\"", "\"key\":\"licencia-funcionamiento\"");
		assertThat(deployments()).isOne();
		String deploymentId = repositoryService.createDeploymentQuery().tenantIdIn(GUZMANGO).singleResult().getId();
		Map<String, Object> recorded = jdbc.queryForMap(
				"SELECT deployed_by, tenant_id, source FROM tramita.model_deployment WHERE deployment_id = ?", deploymentId);
		assertThat(recorded).containsEntry("deployed_by", advisor).containsEntry("tenant_id", GUZMANGO)
			.containsEntry("source", "Camunda Modeler");
	}

	@Test
	void onlyBpmnModelsAreDeployedWhateverTheResourceIsCalled() throws Exception {
		String advisor = staff.create("t.asesor." + CHUGUR, Offices.ASESOR, CHUGUR);
		String runsCode = ModelRulesFixtures.valid().replace("<bpmn:endEvent id=\"granted\"",
				"<bpmn:serviceTask id=\"run\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime')"
						+ ".getMethod('getRuntime').invoke(null).exec('id')}\"/><bpmn:endEvent id=\"granted\"");
		for (String name : List.of("x.xbpmn", "x.bpmn20.xml", "x.BPMN", "x.cmmn", "x.dmn", "x.form", "x.png", "x.js",
				"x.bpmn.js")) {
			HttpResponse<String> refused = deploy(advisor, Map.of(name, runsCode), StandardCharsets.UTF_8, CHUGUR);
			assertThat(refused.statusCode()).as(name).isEqualTo(400);
			assertThat(refused.body()).as(name).contains("\"type\":\"ParseException\"", "No se desplegó «" + name + "»");
		}
		HttpResponse<String> mixed = deploy(advisor, Map.of("licencia-funcionamiento.bpmn", ModelRulesFixtures.valid(),
				"otro.xbpmn", runsCode), StandardCharsets.UTF_8, CHUGUR);
		assertThat(mixed.statusCode()).isEqualTo(400);
		assertThatThrownBy(() -> repositoryService.createDeployment().tenantId(CHUGUR)
			.addString("x.xbpmn", runsCode).deploy()).isInstanceOf(ParseException.class);
		assertThat(repositoryService.createDeploymentQuery().tenantIdIn(CHUGUR).count()).isZero();
		assertThat(identityService.createGroupQuery().groupMember(advisor).groupId(Offices.ADMIN).count()).isZero();
	}

	@Test
	void aModelInAnotherEncodingIsShownAsItWasWritten() throws Exception {
		String advisor = staff.create("t.asesor." + HUALGAYOC, Offices.ASESOR, HUALGAYOC);
		String latin1 = ModelRulesFixtures.valid().replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
			.replace("Revisar requisitos", "Revisión de requisitos");
		HttpResponse<String> deployed = deploy(advisor, Map.of("licencia-funcionamiento.bpmn", latin1),
				StandardCharsets.ISO_8859_1, HUALGAYOC);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		String definitionId = repositoryService.createProcessDefinitionQuery().tenantIdIn(HUALGAYOC).singleResult().getId();
		assertThat(processModels.xml(definitionId)).contains("name=\"Revisión de requisitos\"");
	}

	private long deployments() {
		return repositoryService.createDeploymentQuery().tenantIdIn(GUZMANGO).count();
	}

	private HttpResponse<String> deploy(String user, String model) throws Exception {
		return deploy(user, Map.of("licencia-funcionamiento.bpmn", model), StandardCharsets.UTF_8, GUZMANGO);
	}

	/** What Camunda Modeler 5 sends when deploying to a Camunda 7 engine with basic authentication. */
	private HttpResponse<String> deploy(String user, Map<String, String> resources, java.nio.charset.Charset encoding,
			String tenant) throws Exception {
		String boundary = "----CamundaModeler" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : Map.of("deployment-name", "licencia", "deployment-source", "Camunda Modeler",
				"deploy-changed-only", "true", "tenant-id", tenant).entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (Map.Entry<String, String> resource : resources.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource.getKey()
					+ "\"; filename=\"" + resource.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(resource.getValue().getBytes(encoding));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
