package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.modeling.ModelDrafts;
import pe.tramita.modeling.ModelMigrations;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.support.Applications;
import pe.tramita.support.BatchJobs;

/**
 * An advisor of San Benito in headless Chromium: uploads a model made elsewhere that runs a script (refused, the
 * element marked, deploy disabled), then edits a copy of the licence's shared version and deploys it for San Benito.
 */
class AdvisorWorkspaceBrowserTests extends JourneyBrowserTests {

	static final String SAN_BENITO = "060505";

	@Autowired
	ModelDrafts drafts;

	@Autowired
	ModelMigrations migrations;

	@Autowired
	BatchJobs batchJobs;

	@Autowired
	Applications applications;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void advisorUploadsAModelThatBreaksARuleThenDeploysACopyForTheirMunicipality() throws Exception {
		logIn(staff.create("t.asesor." + SAN_BENITO, Offices.ASESOR, SAN_BENITO));
		browser.findElement(By.linkText("Asesoría")).click();
		assertThat(browser.findElement(By.id("versiones-licencia-funcionamiento")).getText())
			.contains("Todas las municipalidades").doesNotContain("San Benito");

		String withScript = Files.readString(Path.of("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn"))
			.replace("<bpmn:serviceTask id=\"recordObservation\"", "<bpmn:scriptTask id=\"recordObservation\" scriptFormat=\"groovy\"")
			.replaceFirst("(?s)(<bpmn:scriptTask id=\"recordObservation\".*?)</bpmn:serviceTask>",
					"$1<bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>");
		Path file = Files.createTempFile("licencia-con-script", ".bpmn");
		Files.writeString(file, withScript, StandardCharsets.UTF_8);
		new Select(browser.findElement(By.id("tramite"))).selectByValue("licencia-funcionamiento");
		browser.findElement(By.id("archivo")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("#subir button")).click();
		Browser.awaitSuccessMessage(browser, "Borrador guardado");
		assertThat(browser.findElement(By.id("problemas")).getText()).contains("Notificar observaciones (recordObservation)",
				"es una tarea de script", "línea");
		assertThat(browser.findElement(By.cssSelector("#desplegar button")).isEnabled()).isFalse();
		awaitDiagram();
		assertThat(browser.findElements(By.cssSelector("#diagrama [data-element-id='recordObservation'].has-problem"))).hasSize(1);
		Browser.screenshot(browser, "m1-asesoria-modelo-con-script");

		browser.findElement(By.linkText("Procedimientos y versiones")).click();
		browser.findElement(By.cssSelector("#versiones-licencia-funcionamiento button[aria-label='Editar una copia de Licencia de Funcionamiento, versión 1']")).click();
		assertThat(browser.findElement(By.id("sin-problemas")).getText()).contains("cumple todas las reglas");
		awaitDiagram();
		new Select(browser.findElement(By.id("municipio"))).selectByValue(SAN_BENITO);
		Browser.screenshot(browser, "m2-asesoria-copia-lista");
		browser.findElement(By.cssSelector("#desplegar button")).click();
		Browser.awaitSuccessMessage(browser, "Nueva versión desplegada");
		WebElement versions = browser.findElement(By.id("versiones-licencia-funcionamiento"));
		assertThat(versions.getText()).contains("Municipalidad Distrital de San Benito", "t.asesor." + SAN_BENITO);
		assertThat(browser.findElement(By.id("borradores")).getText()).contains("Desplegado", "En edición");
		Browser.screenshot(browser, "m3-asesoria-biblioteca");
	}

	@Test
	void advisorEditsAModelInTheBrowserAndTheRulesAnswerOnSave() throws Exception {
		String toledo = "060506";
		logIn(staff.create("t.asesor." + toledo, Offices.ASESOR, toledo));
		open("/asesoria");
		browser.findElement(By.cssSelector("#versiones-licencia-funcionamiento button[aria-label='Editar una copia de Licencia de Funcionamiento, versión 1']")).click();
		long draftId = Long.parseLong(urlOnceAt("/borradores/").replaceAll(".*/borradores/(\\d+).*", "$1"));
		browser.findElement(By.id("editar")).click();
		WebElement canvas = browser.findElement(By.id("lienzo"));
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> canvas.getAttribute("data-rendered") != null || canvas.getAttribute("data-error") != null);
		assertThat(canvas.getAttribute("data-error")).isNull();

		browser.findElement(By.cssSelector("#lienzo [data-element-id='reviewRequirements']")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("propiedades")).getText()
			.contains("TAREA DE USUARIO"));
		assertThat(browser.findElements(By.cssSelector(".djs-palette [aria-label='Crear tarea']"))).as("the palette in Spanish")
			.hasSize(1);
		openGroup("General");
		WebElement name = awaitField("bio-properties-panel-name");
		name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Revisar requisitos y documentos");
		openGroup("Asignación");
		WebElement office = awaitField("bio-properties-panel-candidateGroups");
		office.sendKeys(Keys.chord(Keys.CONTROL, "a"), "oficina-fantasma");
		saveInEditor();
		assertThat(browser.findElement(By.id("estado-editor")).getText()).startsWith("Guardado, pero todavía no se puede desplegar");
		assertThat(browser.findElement(By.id("problemas-editor")).getText())
			.contains("«Revisar requisitos y documentos (reviewRequirements)» se asigna a la oficina «oficina-fantasma», que no existe");
		Browser.screenshot(browser, "m4-editor-problema");

		office.sendKeys(Keys.chord(Keys.CONTROL, "a"), "licencias");
		saveInEditor();
		assertThat(browser.findElement(By.id("estado-editor")).getText()).isEqualTo("Guardado. El modelo cumple todas las reglas.");
		assertThat(browser.findElements(By.cssSelector("#problemas-editor li"))).isEmpty();
		Browser.screenshot(browser, "m5-editor-guardado");
		String saved = drafts.find(draftId).orElseThrow().xml();
		deployAndCompare(draftId, toledo);
		assertThat(saved).containsPattern("id=\"reviewRequirements\"[^>]*name=\"Revisar requisitos y documentos\"|name=\"Revisar requisitos y documentos\"[^>]*id=\"reviewRequirements\"")
			.contains("camunda:candidateGroups=\"licencias\"");
	}

	@Test
	void advisorPreviewsAndMovesTheirRunningCasesWithAProgressBar() throws Exception {
		String yonan = "060508";
		Filing first = applications.fileLicence(yonan, RiskLevel.BAJO);
		Filing second = applications.fileLicence(yonan, RiskLevel.MEDIO);
		String source = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		repositoryService.createDeployment().tenantId(yonan).addString("licencia-funcionamiento.bpmn",
				Files.readString(Path.of("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn"))).deploy();
		String target = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.tenantIdIn(yonan).latestVersion().singleResult().getId();

		logIn(staff.create("t.asesor." + yonan, Offices.ASESOR, yonan));
		open("/asesoria");
		new Select(browser.findElement(By.id("de-licencia-funcionamiento"))).selectByValue(source);
		new Select(browser.findElement(By.id("a-licencia-funcionamiento"))).selectByValue(target);
		browser.findElement(By.cssSelector("#versiones-form-licencia-funcionamiento button.mover")).click();
		// only the advisor's municipality: Yonán's two cases, both movable
		assertThat(browser.findElements(By.cssSelector("#casos-migracion tbody tr"))).hasSize(2);
		assertThat(browser.findElement(By.id("casos-migracion")).getText())
			.contains(first.caseNumber(), second.caseNumber(), "Revisar requisitos", "Sí");
		Browser.screenshot(browser, "m6-migracion-vista-previa");
		browser.findElement(By.cssSelector("#mover button")).click();
		WebElement bar = browser.findElement(By.id("avance"));
		assertThat(bar.getAttribute("value")).isEqualTo("0");
		assertThat(browser.findElement(By.id("estado-migracion")).getText()).startsWith("0 de 2 casos movidos");
		Browser.screenshot(browser, "m7-migracion-en-curso");

		String batchId = urlOnceAt("/migraciones/").replaceAll(".*/migraciones/", "");
		batchJobs.run(batchId, () -> migrations.progress(batchId).orElseThrow().finished());
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> "true".equals(bar.getAttribute("data-finished")));
		assertThat(bar.getAttribute("value")).isEqualTo("2");
		assertThat(browser.findElement(By.id("estado-migracion")).getText()).isEqualTo("Terminado: todos los casos se movieron.");
		Browser.screenshot(browser, "m8-migracion-terminada");
		open("/asesoria?lang=en");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Procedures and versions", "Upload a model",
				"See which cases can move").doesNotContain("??");
		for (Filing filing : List.of(first, second)) {
			assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filing.caseNumber())
				.singleResult().getProcessDefinitionId()).isEqualTo(target);
		}
	}

	/** Deploys the edited copy for Toledo and compares it with the shared version it came from. */
	private void deployAndCompare(long draftId, String toledo) throws Exception {
		open("/asesoria/borradores/" + draftId);
		new Select(browser.findElement(By.id("municipio"))).selectByValue(toledo);
		browser.findElement(By.cssSelector("#desplegar button")).click();
		Browser.awaitSuccessMessage(browser, "Nueva versión desplegada");
		String shared = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		String edited = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.tenantIdIn(toledo).latestVersion().singleResult().getId();
		new Select(browser.findElement(By.id("de-licencia-funcionamiento"))).selectByValue(shared);
		new Select(browser.findElement(By.id("a-licencia-funcionamiento"))).selectByValue(edited);
		browser.findElement(By.cssSelector("#versiones-form-licencia-funcionamiento button.comparar")).click();
		assertThat(browser.findElement(By.id("cambios")).getText())
			.isEqualTo("Cambiado: Revisar requisitos y documentos (reviewRequirements)");
		assertThat(browser.findElement(By.id("hoja")).getText()).contains("Pases entre oficinas 4 3");
		for (String diagram : List.of("diagrama-antes", "diagrama-despues")) {
			WebElement container = browser.findElement(By.id(diagram));
			new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> container.getAttribute("data-rendered") != null
					|| container.getAttribute("data-error") != null);
			assertThat(container.getAttribute("data-rendered")).as(diagram).isEqualTo("1");
		}
		assertThat(browser.findElements(By.cssSelector("#diagrama-despues [data-element-id='reviewRequirements'].diff-changed"))).hasSize(1);
		Browser.screenshot(browser, "m9-comparacion-versiones");
	}

	private WebElement awaitField(String id) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElements(By.id(id)).stream()
			.filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	private void openGroup(String title) {
		browser.findElement(By.xpath("//div[contains(@class,'bio-properties-panel-group-header')][.//*[normalize-space(text())='" + title + "']]")).click();
	}

	private void saveInEditor() {
		WebElement status = browser.findElement(By.id("estado-editor"));
		String before = String.valueOf(status.getAttribute("data-saved-at"));
		browser.findElement(By.id("guardar")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> !before.equals(String.valueOf(status.getAttribute("data-saved-at"))));
	}

	private void awaitDiagram() {
		WebElement diagram = browser.findElement(By.id("diagrama"));
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> diagram.getAttribute("data-rendered") != null || diagram.getAttribute("data-error") != null);
		assertThat(diagram.getAttribute("data-error")).isNull();
	}

}
