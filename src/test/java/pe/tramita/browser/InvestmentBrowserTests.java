package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.calendar.LegalClock;

/**
 * Planning registers a project in the browser, with a mistake first; the project's page, the public investments
 * page and the region's map show it and pass axe-core, the public pages on a 390 px phone.
 */
class InvestmentBrowserTests extends JourneyBrowserTests {

	static final String LA_FLORIDA = "061106";

	@Autowired
	LegalClock clock;

	@Test
	void planningRegistersAProjectAndTheCitizenSeesItOnAPhone() throws Exception {
		LocalDate today = clock.today();
		browser.manage().window().setSize(new Dimension(1366, 1200));
		logIn(staff.create("t.planeamiento." + LA_FLORIDA, "planeamiento", LA_FLORIDA));
		open("/bandeja/proyectos");
		type("name", "Puente peatonal sobre la quebrada Las Pampas");
		new Select(browser.findElement(By.id("source"))).selectByValue("CANON_MINERO");
		type("budget", "ochenta mil");
		browser.executeScript("document.getElementById('plannedStart').value = arguments[0];"
				+ "document.getElementById('plannedEnd').value = arguments[1];", today.minusMonths(1).toString(),
				today.plusMonths(5).toString());
		new Select(browser.findElement(By.id("office"))).selectByValue("obras-privadas");
		browser.findElement(By.cssSelector("#proyecto-nuevo button")).click();
		assertThat(browser.findElement(By.id("errores")).getText()).contains("El presupuesto debe ser un monto en soles");
		type("budget", "80,000.00");
		browser.findElement(By.cssSelector("#proyecto-nuevo button")).click();
		urlOnceAt("/bandeja/proyectos/");
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("PI-" + today.minusMonths(1).getYear() + "-001 — Puente peatonal sobre la quebrada Las Pampas");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Oficina responsable: Subgerencia de Obras Privadas");
		List<String> inaccessible = new ArrayList<>(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "p1-proyecto");

		logOut();
		browser.manage().window().setSize(new Dimension(390, 900));
		open("/m/" + LA_FLORIDA + "/inversiones");
		assertThat(browser.findElement(By.id("proyectos")).getText()).contains("Puente peatonal", "S/ 80,000.00",
				"Sin iniciar");
		assertThat((Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
		inaccessible.addAll(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "p2-inversiones-390");
		open("/inversiones");
		assertThat(browser.findElements(By.cssSelector("#mapa path"))).hasSize(127);
		inaccessible.addAll(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "p3-inversiones-region-390");
		assertThat(inaccessible).as("axe-core on the project and investments pages").isEmpty();
	}

}
