package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.Certificates;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;

/**
 * A citizen on a 360 px phone: every public page fits without sideways scrolling and passes axe-core, the menu folds
 * behind one button, the application form shows every problem at once with the focus on their summary and keeps the
 * file that was fine. Screenshots {@code p*} in {@code target/screenshots} (360 px, and the catalogue at 390 and 1366 px).
 */
class PhoneBrowserTests extends JourneyBrowserTests {

	static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	@Autowired
	Applications applications;

	@Autowired
	Certificates certificates;

	@Test
	void everyPublicPageFitsA360PixelPhone() throws Exception {
		staff.login("gerencia", Staff.CAJAMARCA);
		CertificateView licence = certificates.issueLicence(applications.fileLicenceCase(Staff.CAJAMARCA, RiskLevel.MEDIO),
				"MEDIO");
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		browser.manage().window().setSize(new Dimension(360, 780));
		browser.get("data:text/html,<html><body><img src='x.png'><button></button></body></html>");
		assertThat(AccessibilityScan.violations(browser)).as("the scan finds what it should")
			.anyMatch(violation -> violation.contains("image-alt"))
			.anyMatch(violation -> violation.contains("button-name"));
		List<String> pages = List.of("/", "/m/060101", "/m/060101/tupa", "/m/060101/tramites/licencia-funcionamiento",
				FORM, "/m/060101/tramites/queja-reclamo/solicitud", "/consulta", "/consulta/codigo", "/verificar",
				"/verificar/" + licence.verificationCode(), "/transparencia", "/transparencia/060101",
				"/transparencia?buscar=jesus", "/ingresar");
		List<String> tooWide = new ArrayList<>();
		List<String> inaccessible = new ArrayList<>();
		List<String> weights = new ArrayList<>();
		for (String page : pages) {
			open(page);
			if (overflow() > 0) {
				tooWide.add(page + " (" + overflow() + " px too wide)");
			}
			inaccessible.addAll(AccessibilityScan.violations(browser));
			weights.add(weight(page));
		}
		System.out.println("Public pages at 360 px (compressed bytes of the page and everything it loads, requests, "
				+ "scripts):\n  " + String.join("\n  ", weights));
		assertThat(weights).as("no public page loads from another host").noneMatch(line -> line.contains("elsewhere"));
		assertThat(heaviest).as("the heaviest public page, compressed").isLessThanOrEqualTo(50 * 1024);
		open("/consulta");
		type("expediente", filing.caseNumber());
		type("codigo", filing.accessCode());
		browser.findElement(By.cssSelector("main form button")).click();
		urlOnceAt("/consulta/" + filing.caseNumber());
		if (overflow() > 0) {
			tooWide.add("status page (" + overflow() + " px too wide)");
		}
		Browser.screenshot(browser, "p2-estado-360");
		inaccessible.addAll(AccessibilityScan.violations(browser));
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("case-status")).getText()).as("a refresh opens the case again")
			.isEqualTo("En trámite");
		assertThat(tooWide).as("public pages wider than a 360 px phone").isEmpty();
		assertThat(inaccessible).as("axe-core on every public page").isEmpty();

		open("/m/060101");
		Browser.screenshot(browser, "p1-catalogo-360");
		assertThat(browser.findElement(By.cssSelector("#catalog a.button")).getRect().getX()
				+ browser.findElement(By.cssSelector("#catalog a.button")).getRect().getWidth())
			.as("the apply button is on screen").isLessThanOrEqualTo(360);
		browser.manage().window().setSize(new Dimension(390, 844));
		Browser.screenshot(browser, "p1-catalogo-390");
		browser.manage().window().setSize(new Dimension(1366, 900));
		Browser.screenshot(browser, "p1-catalogo-1366");
	}

	@Test
	void theMenuFoldsBehindOneButtonOnAPhone() throws Exception {
		browser.manage().window().setSize(new Dimension(360, 780));
		open("/m/060101");
		By lookup = By.cssSelector("header nav a[href='/consulta']");
		assertThat(browser.findElement(lookup).isDisplayed()).as("folded").isFalse();
		assertThat(browser.findElement(By.cssSelector("header")).getRect().getHeight()).as("one line of header")
			.isLessThan(70);
		browser.findElement(By.cssSelector("label.menu-button")).click();
		assertThat(browser.findElement(lookup).isDisplayed()).as("unfolded").isTrue();
		Browser.screenshot(browser, "p3-menu-abierto");
		browser.manage().window().setSize(new Dimension(1366, 900));
		open("/m/060101");
		assertThat(browser.findElement(lookup).isDisplayed()).as("a desktop shows the menu").isTrue();
		assertThat(browser.findElement(By.cssSelector("label.menu-button")).isDisplayed()).isFalse();
	}

	@Test
	void theFormShowsEveryProblemAtOnceAndKeepsTheFileThatWasFine() throws Exception {
		browser.manage().window().setSize(new Dimension(360, 780));
		Path declaration = Files.createTempFile("dj-", ".pdf");
		Files.write(declaration, SampleFiles.pdf());
		open(FORM);
		type("documentNumber", "1234");
		type("applicantName", "Juana Quispe Ñahui");
		type("email", "juana@");
		type("ruc", "20131312956");
		browser.findElement(By.id("documento-declaracion-itse")).sendKeys(declaration.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.findElements(By.id("error-summary")).isEmpty());
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus on the summary").isEqualTo("error-summary");
		String summary = browser.findElement(By.id("error-summary")).getText();
		assertThat(summary).contains("Número de documento", "Correo electrónico", "RUC", "declaración jurada")
			.contains("no necesita adjuntarlos otra vez");
		assertThat(overflow()).as("the form with its errors fits").isLessThanOrEqualTo(0);
		Browser.screenshot(browser, "p4-formulario-errores-360");
		browser.findElement(By.cssSelector("#error-summary a[href='#ruc']")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("a link leads to its field").isEqualTo("ruc");
		browser.manage().window().setSize(new Dimension(1366, 900));
		Browser.screenshot(browser, "p4-formulario-errores-1366");
	}

	private long heaviest;

	/**
	 * What the page costs a phone on a first visit: the compressed bytes of the page and of everything it loads (the
	 * browser's own Resource Timing), how many requests, how many scripts, and whether any went to another host.
	 */
	@SuppressWarnings("unchecked")
	private String weight(String page) {
		java.util.Map<String, Object> cost = (java.util.Map<String, Object>) browser.executeScript("""
				const all = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
				return { bytes: all.reduce((sum, e) => sum + e.encodedBodySize, 0), requests: all.length,
				         scripts: document.scripts.length,
				         elsewhere: all.filter(e => new URL(e.name).host !== location.host).length };""");
		long bytes = ((Number) cost.get("bytes")).longValue();
		heaviest = Math.max(heaviest, bytes);
		long elsewhere = ((Number) cost.get("elsewhere")).longValue();
		return "%s: %.1f KB, %s requests, %s scripts%s".formatted(page, bytes / 1024.0, cost.get("requests"),
				cost.get("scripts"), elsewhere > 0 ? ", " + elsewhere + " elsewhere" : "");
	}

	/** How many pixels the page is wider than the window (0 or less: it fits). */
	private long overflow() {
		return (Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

}
