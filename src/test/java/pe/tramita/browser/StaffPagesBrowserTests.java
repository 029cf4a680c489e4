package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.Certificates;
import pe.tramita.payment.BankFileImports;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;

/**
 * The staff's pages on a 1366 px desktop pass axe-core, each as the person who uses it sees it: the clerk's task
 * list, task and case pages (with the diagram drawn), the management's certificates and TUPA, the administrator's
 * calendar and offices, the advisor's workspace. The task table shows its action column without scrolling.
 */
class StaffPagesBrowserTests extends JourneyBrowserTests {

	@Autowired
	Applications applications;

	@Autowired
	Certificates certificates;

	@Autowired
	TaskService taskService;

	@Autowired
	BankFileImports bankFiles;

	@Test
	void everyStaffPagePassesAxeCore() throws Exception {
		browser.manage().window().setSize(new Dimension(1366, 900));
		staff.login("gerencia", Staff.CAJAMARCA);
		CertificateView licence = certificates.issueLicence(applications.fileLicenceCase(Staff.CAJAMARCA, RiskLevel.MEDIO),
				"MEDIO");
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		String clerk = staff.create("t.mesa-de-partes." + Staff.CAJAMARCA, "mesa-de-partes", Staff.CAJAMARCA);
		Task review = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
		List<String> inaccessible = new ArrayList<>();

		logIn(clerk);
		open("/bandeja?vista=oficina");
		WebElement action = browser.findElement(By.cssSelector("#tareas tbody tr:first-child td:last-child"));
		assertThat(action.getRect().getX() + action.getRect().getWidth()).as("the action column on screen at 1366 px")
			.isLessThanOrEqualTo(1366);
		Browser.screenshot(browser, "s1-bandeja-1366");
		inaccessible.addAll(AccessibilityScan.violations(browser));
		taskService.claim(review.getId(), clerk);
		for (String page : List.of("/bandeja", "/bandeja/tareas/" + review.getId(),
				"/bandeja/expedientes/" + applications.caseId(filing), "/bandeja/analitica", "/bandeja/correos",
				"/bandeja/resumen-diario", "/bandeja/iniciar", "/bandeja/certificados")) {
			open(page);
			awaitDiagram();
			inaccessible.addAll(AccessibilityScan.violations(browser));
		}
		// the step in English: its name, labels and choices from the procedure's messages_en.properties
		open("/bandeja/tareas/" + review.getId() + "?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review the requirements");
		awaitDiagram();
		inaccessible.addAll(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "s2-tarea-en");
		open("/bandeja?lang=es");
		logOut();

		logIn(staff.create("t.gerencia." + Staff.CAJAMARCA, "gerencia", Staff.CAJAMARCA));
		for (String page : List.of("/bandeja/certificados/" + licence.verificationCode(), "/bandeja/tupa/060101",
				"/bandeja/certificados/firma/060101")) {
			open(page);
			inaccessible.addAll(AccessibilityScan.violations(browser));
		}
		logOut();

		// the treasury: an order found (with its payment form), the day's cash, the bank files, the fees collected
		Filing unpaid = applications.fileUnpaidLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		String cashier = staff.create("t.tesoreria." + Staff.CAJAMARCA, "tesoreria", Staff.CAJAMARCA);
		long bankFile = bankFiles.importFile(Staff.CAJAMARCA, "bn-csv", "dia.csv", ("codigo;monto;fecha;operacion\n"
				+ "060101260000000;120.50;01/12/2026;OP-1\nilegible").getBytes(StandardCharsets.UTF_8), cashier).fileId();
		logIn(cashier);
		for (String page : List.of("/bandeja/caja?q=" + unpaid.caseNumber(), "/bandeja/caja?q=" + filing.caseNumber(),
				"/bandeja/caja/diaria", "/bandeja/caja/banco", "/bandeja/caja/banco/" + bankFile,
				"/bandeja/caja/recaudacion")) {
			open(page);
			inaccessible.addAll(AccessibilityScan.violations(browser));
		}
		Browser.screenshot(browser, "s3-recaudacion");
		logOut();

		logIn(staff.create("t.admin." + Staff.CAJAMARCA, Offices.ADMIN, Staff.CAJAMARCA));
		for (String page : List.of("/bandeja/calendario", "/bandeja/oficinas")) {
			open(page);
			inaccessible.addAll(AccessibilityScan.violations(browser));
		}
		logOut();

		logIn(staff.create("t.asesor." + Staff.CAJAMARCA, Offices.ASESOR, Staff.CAJAMARCA));
		open("/asesoria");
		inaccessible.addAll(AccessibilityScan.violations(browser));
		open(browser.findElement(By.cssSelector("a[href^='/asesoria/versiones/']")).getAttribute("href")
			.replaceFirst("^https?://[^/]+", ""));
		awaitDiagram();
		inaccessible.addAll(AccessibilityScan.violations(browser));

		assertThat(inaccessible).as("axe-core on the staff's pages").isEmpty();
	}

	/** A page with a BPMN diagram is scanned once bpmn-js has drawn it (or said it could not). */
	private void awaitDiagram() {
		List<WebElement> diagrams = browser.findElements(By.cssSelector(".diagram[data-bpmn]"));
		for (WebElement diagram : diagrams) {
			new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> diagram.getAttribute("data-rendered") != null
					|| diagram.getAttribute("data-error") != null);
		}
	}

}
