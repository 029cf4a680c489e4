package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;

/**
 * A clerk's day in the task list, in headless Chromium: find a case by DNI, save the search, claim by keyboard,
 * comment, attach, delegate; the colleague resolves; the clerk completes and opens the case with its diagram; English.
 */
class TaskListBrowserTests extends JourneyBrowserTests {

	@Autowired
	Applications applications;

	@Test
	void clerkFindsDelegatesAndCompletesATaskAndSeesTheCase() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO, "47001234", "Rosa Chávez Huamán");
		String clerk = staff.create("t.mesa-de-partes." + Staff.CAJAMARCA, "mesa-de-partes", Staff.CAJAMARCA);
		String lawyer = staff.create("t.legal." + Staff.CAJAMARCA, "licencias", Staff.CAJAMARCA);

		logIn(clerk);
		assertThat(browser.findElement(By.cssSelector("nav.views")).getText()).contains("Mis tareas",
				"De mis oficinas, sin asignar", "Vencidas", "Vencen hoy", "Vencen esta semana").doesNotContain(
						"Todas las de la municipalidad");
		// keyboard: the skip link, then the first view, each with a visible focus ring
		WebElement body = browser.findElement(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		assertThat(focused().getText()).isEqualTo("Ir al contenido");
		assertThat(focused().getCssValue("outline-style")).isEqualTo("solid");
		browser.findElement(By.id("vista-oficina")).click();
		urlOnceAt("vista=oficina");
		type("buscar", "47001234");
		browser.findElement(By.id("buscar")).sendKeys(Keys.ENTER);
		// rows of the page before the search would go stale when its answer arrives
		urlOnceAt("buscar=");
		List<WebElement> rows = browser.findElements(By.cssSelector("#tareas tbody tr"));
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText()).contains(filing.caseNumber(),
				"Rosa Chávez Huamán", "Revisar requisitos", "Licencia de Funcionamiento"));
		Browser.screenshot(browser, "t1-bandeja-busqueda-dni");

		type("nombre", "Rosa por DNI");
		browser.findElement(By.cssSelector("form.save-filter button")).click();
		Browser.awaitSuccessMessage(browser, "Filtro guardado");
		assertThat(browser.findElement(By.id("filtros")).getText()).contains("Rosa por DNI");

		WebElement claim = browser.findElement(By.cssSelector("#tareas tbody tr button"));
		claim.sendKeys(Keys.ENTER);
		Browser.awaitSuccessMessage(browser, "Tomó la tarea");
		type("comentario", "Llamé a la solicitante: confirma el horario de atención.");
		browser.findElement(By.cssSelector("form[action$='/comentar'] button")).click();
		Browser.awaitSuccessMessage(browser, "Comentario guardado");
		Path report = Files.createTempFile("informe-mesa", ".pdf");
		Files.write(report, SampleFiles.pdf());
		browser.findElement(By.id("archivo")).sendKeys(report.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form[action$='/adjuntar'] button")).click();
		Browser.awaitSuccessMessage(browser, "Documento adjuntado");
		assertThat(browser.findElement(By.id("documentos-tabla")).getText()).contains(report.getFileName().toString(), clerk);
		new Select(browser.findElement(By.id("colega-delegar"))).selectByValue(lawyer);
		Browser.screenshot(browser, "t2-tarea-comentario-adjunto");
		browser.findElement(By.cssSelector("#delegar button")).click();
		Browser.awaitSuccessMessage(browser, "Tarea delegada");
		browser.findElement(By.id("vista-delegadas")).click();
		assertThat(browser.findElement(By.id("tareas")).getText()).contains(filing.caseNumber(), "delegada por " + staff.fullName(clerk));
		logOut();

		logIn(lawyer);
		browser.findElement(By.xpath("//table[@id='tareas']//tr[td/a[text()='" + filing.caseNumber() + "']]//a[text()='Atender']")).click();
		assertThat(browser.findElement(By.id("resolver")).getText()).contains(staff.fullName(clerk) + " le delegó esta tarea");
		type("respuesta", "La declaración jurada de ITSE está completa y firmada.");
		Browser.screenshot(browser, "t3-tarea-delegada");
		browser.findElement(By.cssSelector("#resolver button")).click();
		Browser.awaitSuccessMessage(browser, "Devolvió la tarea resuelta");
		logOut();

		logIn(clerk);
		browser.findElement(By.xpath("//table[@id='tareas']//tr[td/a[text()='" + filing.caseNumber() + "']]//a[text()='Atender']")).click();
		choose("requisitosCompletos", "true");
		browser.findElement(By.cssSelector("#task-form form button[type=submit]")).click();
		Browser.awaitSuccessMessage(browser, "Paso completado");

		logOut();

		// the head of office sees every task of the municipality, hands the next step out and opens the case
		String head = staff.create("t.jefa." + Staff.CAJAMARCA, "supervision", Staff.CAJAMARCA);
		logIn(head);
		browser.findElement(By.id("vista-municipio")).click();
		urlOnceAt("vista=municipio");
		type("buscar", filing.caseNumber());
		browser.findElement(By.id("buscar")).sendKeys(Keys.ENTER);
		urlOnceAt("buscar=");
		browser.findElement(By.xpath("//table[@id='tareas']//tr[td/a[text()='" + filing.caseNumber() + "']]/td[1]/a")).click();
		new Select(browser.findElement(By.id("colega-asignar"))).selectByValue(lawyer);
		browser.findElement(By.cssSelector("#asignar button")).click();
		Browser.awaitSuccessMessage(browser, "Tarea asignada");
		assertThat(browser.findElement(By.id("estado-tarea")).getText()).contains("asignada a " + staff.fullName(lawyer));
		browser.findElement(By.linkText(filing.caseNumber())).click();

		WebElement diagram = browser.findElement(By.id("diagrama"));
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> diagram.getAttribute("data-rendered") != null || diagram.getAttribute("data-error") != null);
		assertThat(diagram.getAttribute("data-error")).isNull();
		assertThat(browser.findElements(By.cssSelector("#diagrama [data-element-id='classifyRisk'].current-step"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#diagrama .current-step"))).hasSize(1);
		String casePage = browser.findElement(By.tagName("main")).getText();
		assertThat(casePage).contains("quedan", "días hábiles", "Clasificar el nivel de riesgo",
				"Llamé a la solicitante: confirma el horario de atención.",
				"Revisar requisitos: delegada — " + staff.fullName(clerk),
				"Revisar requisitos: devuelta resuelta — " + staff.fullName(lawyer),
				"La declaración jurada de ITSE está completa y firmada.",
				"Revisar requisitos: completada — " + staff.fullName(clerk))
			.as("names, not user ids, in the staff's history").doesNotContain("— " + clerk);
		Browser.screenshot(browser, "t4-expediente-diagrama");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
		Browser.screenshot(browser, "t5-expediente-historial");

		browser.findElement(By.linkText("English")).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Case " + filing.caseNumber(),
				"Procedure diagram", "Staff comments");
		open("/bandeja");
		assertThat(browser.findElement(By.cssSelector("nav.views")).getText()).contains("My tasks", "All of the municipality");
		Browser.screenshot(browser, "t6-bandeja-english");
	}

	private WebElement focused() {
		return browser.switchTo().activeElement();
	}

}
