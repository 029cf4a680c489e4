package pe.tramita.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * What the browser journeys share: a headless Chromium per test, pages of the running application, and a clerk of
 * Cajamarca who logs in, claims a case's task, fills its form and completes it. Screenshots go to
 * {@code target/screenshots}.
 */
@TramitaTest
@Tag("browser")
abstract class JourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	ChromeDriver browser;

	/** The text of the last task page a clerk filled in, for assertions on what the clerk saw. */
	String lastTaskPage;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Screenshots {@code screenshot} (the task list) and {@code screenshot-formulario} (the filled form). */
	void clerkCompletes(String office, String caseNumber, Runnable fillForm, String screenshot) throws Exception {
		logIn("t." + office + "." + Staff.CAJAMARCA);
		browser.findElement(By.id("vista-oficina")).click();
		// each click loads a new page: act on the next one only once it is there
		urlOnceAt("vista=oficina");
		type("buscar", caseNumber);
		browser.findElement(By.cssSelector("form.search button")).click();
		urlOnceAt("buscar=");
		By row = By.xpath("//table[@id='tareas']//tr[td/a[text()='" + caseNumber + "']]");
		browser.findElement(row);
		Browser.screenshot(browser, screenshot);
		browser.findElement(row).findElement(By.tagName("button")).click();
		Browser.awaitSuccessMessage(browser, "Tomó la tarea");
		fillForm.run();
		lastTaskPage = browser.findElement(By.tagName("main")).getText();
		Browser.screenshot(browser, screenshot + "-formulario");
		browser.findElement(By.cssSelector("#task-form form button[type=submit]")).click();
		Browser.awaitSuccessMessage(browser, "Paso completado");
		logOut();
	}

	void logIn(String user) {
		open("/ingresar");
		type("username", user);
		type("password", Staff.PASSWORD);
		browser.findElement(By.cssSelector("main form button")).click();
		// the next page opened must not overtake the login
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> !driver.findElements(By.cssSelector("header form button")).isEmpty()
					|| driver.getCurrentUrl().contains("error"));
	}

	/** Waits for the login page: a page opened before the logout's redirect arrives would be replaced by it. */
	void logOut() {
		browser.findElement(By.cssSelector("header form button")).click();
		urlOnceAt("/ingresar");
	}

	/** The address of the page a click leads to, once the browser is there (right after the click it may not be yet). */
	String urlOnceAt(String part) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.getCurrentUrl().contains(part));
		return browser.getCurrentUrl();
	}

	void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void choose(String name, String value) {
		browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

}
