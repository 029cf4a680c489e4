package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Filing;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.CaseClock;
import pe.tramita.support.TestTime;

/**
 * An advisor reads the cycle times of Chilete's licences in headless Chromium — the diagram with each step's time on
 * it, the histogram, the monthly trend, the versions compared — and a citizen opens the municipality's public
 * transparency page. Six cases worked at known times in the last two months.
 */
class AnalyticsBrowserTests extends JourneyBrowserTests {

	static final String CHILETE = "060502";

	static final int CASES = 6;

	@Autowired
	CaseClock caseClock;


	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void advisorReadsTheDashboardAndACitizenTheTransparencyPage() throws Exception {
		StaffUser mesa = staff.person("mesa", "mesa-de-partes", CHILETE);
		StaffUser licencias = staff.person("lic", "licencias", CHILETE);
		StaffUser gerente = staff.person("ger", Offices.GERENCIA, CHILETE);
		LocalDate firstFiling = LocalDate.now(TramitaApplication.LIMA).minusDays(50);
		for (int i = 0; i < CASES; i++) {
			// every 8 days from 50 days ago; the decision waits longer case after case
			ZonedDateTime filed = firstFiling.plusDays(8L * i).atTime(9, 0).atZone(TramitaApplication.LIMA);
			Filing filing = caseClock.fileLicence(CHILETE, filed);
			caseClock.step(filing, "reviewRequirements", mesa, filed.plusHours(1), filed.plusHours(2),
					Map.of("requisitosCompletos", "true"));
			caseClock.step(filing, "classifyRisk", licencias, filed.plusDays(1), filed.plusDays(1).plusHours(3),
					Map.of("nivelRiesgo", "BAJO"));
			caseClock.step(filing, "decideLicence", gerente, filed.plusDays(2), filed.plusDays(2 + i).plusHours(4),
					Map.of("aprobado", "true", "fundamento", "Cumple los requisitos del TUPA."));
		}
		TestTime.reset();

		logIn(staff.create("t.asesor." + CHILETE, Offices.ASESOR, CHILETE));
		browser.findElement(By.linkText("Tiempos")).click();
		DateTimeFormatter ddMMyyyy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		type("desde", firstFiling.format(ddMMyyyy));
		type("hasta", LocalDate.now(TramitaApplication.LIMA).format(ddMMyyyy));
		new Select(browser.findElement(By.id("provincia"))).selectByVisibleText("Contumazá");
		new Select(browser.findElement(By.id("municipio"))).selectByValue(CHILETE);
		new Select(browser.findElement(By.id("tramite"))).selectByValue("licencia-funcionamiento");
		browser.findElement(By.cssSelector("#filtros-analitica button")).click();

		WebElement diagram = browser.findElement(By.id("diagrama"));
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> diagram.getAttribute("data-rendered") != null || diagram.getAttribute("data-error") != null);
		assertThat(diagram.getAttribute("data-error")).isNull();
		assertThat(diagram.getAttribute("data-rendered")).isEqualTo("3");
		assertThat(browser.findElements(By.cssSelector("#diagrama .heat-badge"))).hasSize(3);
		// the decision takes most of the time: the reddest step
		assertThat(browser.findElement(By.cssSelector("#diagrama [data-element-id='decideLicence']")).getAttribute("class"))
			.containsAnyOf("heat-3", "heat-4");
		assertThat(browser.findElement(By.cssSelector("table.measures tbody tr")).getText())
			.startsWith("Licencia de Funcionamiento " + CASES + " ");
		assertThat(browser.findElements(By.cssSelector("svg.chart rect[data-casos]")).stream()
			.mapToInt(bar -> Integer.parseInt(bar.getAttribute("data-casos"))).sum()).as("histogram").isEqualTo(CASES);
		Browser.screenshot(browser, "a1-analitica-mapa-de-calor");

		int months = browser.findElements(By.cssSelector("#tendencia g[data-mes]")).size();
		assertThat(months).isBetween(2, 3);
		assertThat(browser.findElements(By.cssSelector("#tendencia line.term"))).as("legal term line").hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#grafico-versiones g[data-version]"))).hasSize(1);
		assertThat(browser.findElement(By.id("grafico-versiones")).getText()).contains(CASES + " casos");
		((JavascriptExecutor) browser).executeScript("document.getElementById('tendencia').scrollIntoView()");
		Browser.screenshot(browser, "a2-analitica-tendencia-versiones");
		browser.findElement(By.linkText("English")).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Month by month", "By version of the procedure")
			.doesNotContain("??");
		assertThat(browser.findElement(By.cssSelector("#tendencia g[data-mes]")).isDisplayed()).as("filters kept").isTrue();
		browser.findElement(By.linkText("Español")).click();
		logOut();

		open("/transparencia");
		browser.findElement(By.linkText("Municipalidad Distrital de Chilete")).click();
		String published = browser.findElement(By.tagName("main")).getText();
		assertThat(published).contains("Licencia de Funcionamiento", CASES + " resueltos", "Plazo legal: 15 días hábiles")
			.doesNotContain("Juana", "45678912", "t.mesa");
		assertThat(browser.findElement(By.id("sin-expedientes")).getText()).as("procedures without cases, listed once")
			.contains("Acceso a la Información Pública").doesNotContain("Licencia de Funcionamiento");
		Browser.screenshot(browser, "a3-transparencia-chilete");
		browser.findElement(By.linkText("English")).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Transparency", CASES + " resolved");
	}

}
