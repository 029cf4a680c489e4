package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.modeling.ModelDrafts;
import pe.tramita.request.Expedientes;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.Staff;

/**
 * A model carrying script for the browser (an XHTML {@code <script>} in its extension elements, an
 * {@code xml-stylesheet}) in real Chromium: the rules name the problem, the draft's diagram is drawn, and opening the
 * model's file — the draft's, a version's, a case's — never runs it on Tramita's origin. Every model file is sent as
 * an attachment the browser must not sniff, under a sandboxing policy.
 */
class ModelScriptBrowserTests extends JourneyBrowserTests {

	static final String SCRIPT = "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">"
			+ "localStorage.setItem('xss', 'ran'); document.title = 'XSS'</x:script>";

	@Autowired
	ModelDrafts drafts;

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void aModelsScriptNeverRunsInTheBrowser() throws Exception {
		String advisorId = staff.create("t.asesor.xss", Offices.ASESOR, Staff.CAJAMARCA);
		StaffUser advisor = (StaffUser) staff.loginAs(advisorId).getPrincipal();
		String xml = java.nio.file.Files.readString(java.nio.file.Path.of(
				"processes/licencia-funcionamiento/licencia-funcionamiento.bpmn"))
			.replaceFirst("<bpmn:extensionElements>", "<bpmn:extensionElements>" + SCRIPT);
		long draft = drafts.upload("licencia-funcionamiento", "con-script.bpmn", xml.getBytes(StandardCharsets.UTF_8),
				advisor);

		logIn(advisorId);
		open("/asesoria/borradores/" + draft);
		assertThat(browser.findElement(By.id("problemas")).getText()).contains("http://www.w3.org/1999/xhtml");
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver
			.findElements(By.cssSelector(".diagram[data-rendered], .diagram[data-error]")).isEmpty());
		assertThat(browser.findElements(By.cssSelector(".diagram[data-rendered]"))).as("the diagram is drawn").isNotEmpty();
		Browser.screenshot(browser, "x1-modelo-con-script-xhtml");

		String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		for (String file : List.of("/asesoria/borradores/" + draft + "/modelo.bpmn",
				"/asesoria/versiones/" + definition + "/modelo.bpmn")) {
			open(file);
			Thread.sleep(500);
			open("/asesoria");
			assertThat(browser.executeScript("return localStorage.getItem('xss')")).as(file).isNull();
			assertThat(browser.getTitle()).doesNotContain("XSS");
		}
	}

	@Test
	void everyModelFileIsAnAttachmentTheBrowserMayNotRender() {
		String advisorId = staff.create("t.asesor.cabeceras", Offices.ASESOR, Staff.CAJAMARCA);
		String clerkId = staff.create("t.mesa-de-partes." + Staff.CAJAMARCA, "mesa-de-partes", Staff.CAJAMARCA);
		long caseId = applications.fileLicenceCase(Staff.CAJAMARCA, RiskLevel.BAJO);
		String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		HttpVisitor advisor = HttpVisitor.loggedIn(port, advisorId, Staff.PASSWORD);
		HttpVisitor clerk = HttpVisitor.loggedIn(port, clerkId, Staff.PASSWORD);
		for (HttpResponse<String> file : List.of(advisor.get("/asesoria/versiones/" + definition + "/modelo.bpmn"),
				advisor.get("/bandeja/analitica/diagrama.bpmn?tramite=licencia-funcionamiento"),
				clerk.get("/bandeja/expedientes/" + caseId + "/diagrama.bpmn"))) {
			String what = file.request().uri().getPath();
			assertThat(file.statusCode()).as(what).isEqualTo(200);
			assertThat(file.body()).as(what).contains("<bpmn:definitions");
			assertThat(file.headers().firstValue("Content-Disposition")).as(what)
				.hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
			assertThat(file.headers().firstValue("Content-Type")).as(what).contains("application/octet-stream");
			assertThat(file.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
			assertThat(file.headers().allValues("Content-Security-Policy")).as(what)
				.anyMatch(policy -> policy.startsWith("sandbox"));
		}
	}

}
