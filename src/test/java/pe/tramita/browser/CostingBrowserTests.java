package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import pe.tramita.modeling.ModelDrafts;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;

/**
 * The advisor's region view draws all 127 districts of Cajamarca from the vendored boundaries, shades a district
 * whose licences were all decided on time, lists every municipality, and passes axe-core; the costing page and a
 * draft's before and after too, and both fit a 390 px phone.
 */
class CostingBrowserTests extends JourneyBrowserTests {

	static final String HUARANGO = "060903";

	@Autowired
	Applications applications;

	@Autowired
	CaseSteps steps;

	@Autowired
	ModelDrafts drafts;

	@Test
	void theRegionMapDrawsEveryDistrictAndTheCostingPagePassesAxe() throws Exception {
		Filing filing = applications.fileLicence(HUARANGO, RiskLevel.BAJO);
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "BAJO"));
		steps.complete(filing, "decideLicence", Map.of("aprobado", true, "fundamento", "Cumple."));
		browser.manage().window().setSize(new Dimension(1366, 1400));
		logIn(staff.create("t.asesor." + HUARANGO, Offices.ASESOR, HUARANGO));

		open("/asesoria/costos/region/licencia-funcionamiento");
		assertThat(browser.findElements(By.cssSelector("#mapa path"))).hasSize(127);
		assertThat(browser.findElements(By.cssSelector("#region tbody tr"))).hasSize(127);
		awaitMeasured();
		assertThat(browser.findElement(By.cssSelector("#mapa path[data-ubigeo='" + HUARANGO + "']")).getAttribute("class"))
			.as("every licence of Huarango decided on time").isEqualTo("shade-5");
		List<String> inaccessible = new ArrayList<>(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "k1-region-mapa");

		open("/asesoria/costos/" + HUARANGO + "/licencia-funcionamiento");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Costo — Licencia de Funcionamiento");
		inaccessible.addAll(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "k2-costeo");
		open("/asesoria/costos/" + HUARANGO + "/licencia-funcionamiento/comparar");
		assertThat(browser.findElements(By.cssSelector("#antes-despues tbody tr"))).hasSize(10);
		assertThat(browser.findElements(By.cssSelector("#barras rect"))).isNotEmpty();
		inaccessible.addAll(AccessibilityScan.violations(browser));
		Browser.screenshot(browser, "k3-antes-despues");
		assertThat(inaccessible).as("axe-core on the costing pages").isEmpty();

		// an advisor on a phone, in the field: the costing page fits 390 px, its tables stacked as cards
		browser.manage().window().setSize(new Dimension(390, 900));
		open("/asesoria/costos/" + HUARANGO + "/licencia-funcionamiento");
		assertThat((Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
		Browser.screenshot(browser, "k4-costeo-390");

		// a redesign not deployed yet: its page predicts cost and time beside the version it would follow
		StaffUser advisor = staff.person("asesor", Offices.ASESOR, HUARANGO);
		String shipped = new String(new ClassPathResource("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn")
			.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		long draft = drafts.upload("licencia-funcionamiento", "rediseno.bpmn", shipped
			.replace("camunda:candidateGroups=\"licencias\"", "camunda:candidateGroups=\"mesa-de-partes\"")
			.getBytes(StandardCharsets.UTF_8), advisor);
		open("/asesoria/borradores/" + draft);
		assertThat(browser.findElement(By.id("medida-handOffs")).getText()).contains("4", "3", "-1");
		assertThat((Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.as("the draft's before and after fit 390 px").isLessThanOrEqualTo(0);
		Browser.screenshot(browser, "k5-borrador-antes-despues-390");
		browser.manage().window().setSize(new Dimension(1366, 1400));
		open("/asesoria/borradores/" + draft);
		assertThat(AccessibilityScan.violations(browser)).as("axe-core on the draft's page").isEmpty();
		Browser.screenshot(browser, "k6-borrador-antes-despues");
	}

	/** The case's cycle time is recorded once its transaction has committed, in the background. */
	private void awaitMeasured() throws InterruptedException {
		for (int i = 0; i < 50 && !browser.findElement(By.cssSelector("#mapa path[data-ubigeo='" + HUARANGO + "']"))
			.getAttribute("class").equals("shade-5"); i++) {
			Thread.sleep(200);
			open("/asesoria/costos/region/licencia-funcionamiento");
		}
	}

}
