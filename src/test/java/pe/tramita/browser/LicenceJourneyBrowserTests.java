package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;

/**
 * The journey of the foundation in a real headless Chromium: a citizen applies, pays the fee at the municipality's
 * cashier and follows the case, three clerks log in and work their steps, the citizen opens the verification page of
 * the licence. Screenshots go to
 * {@code target/screenshots}.
 */
class LicenceJourneyBrowserTests extends JourneyBrowserTests {

	@BeforeEach
	void clerks() throws Exception {
		Staff.OFFICES.forEach(office -> staff.login(office, Staff.CAJAMARCA));
		staff.login("tesoreria", Staff.CAJAMARCA);
	}

	@Test
	void citizenAndClerksCompleteALicence() throws Exception {
		open("/");
		new Select(browser.findElement(By.id("municipalidad"))).selectByValue("060101");
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		// the home page's heading may still be there right after the click
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Municipalidad Provincial de Cajamarca"));
		Browser.screenshot(browser, "01-catalogo");
		browser.findElement(By.xpath("//tr[td/a[text()='Licencia de Funcionamiento']]//a[text()='Solicitar en línea']"))
			.click();

		type("documentNumber", "4567891");
		type("applicantName", "Pedro Huamán Cerna");
		type("email", "pedro@example.pe");
		type("ruc", "20131312955");
		type("businessName", "Panadería Señor de Huamantanga S.A.C.");
		type("address", "Jr. Cruz de Piedra 210, Cajamarca");
		type("activity", "Panadería y pastelería");
		type("areaM2", "62.5");
		new Select(browser.findElement(By.id("riskLevel"))).selectByValue("BAJO");
		Path pdf = Files.createTempFile("declaracion", ".pdf");
		Files.write(pdf, SampleFiles.pdf());
		browser.findElement(By.id("documento-declaracion-itse")).sendKeys(pdf.toAbsolutePath().toString());
		browser.findElement(By.id("declarationAccepted1")).click();
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		assertThat(browser.findElement(By.cssSelector(".errors")).getText()).contains("el DNI tiene 8 dígitos.");
		Browser.screenshot(browser, "02-solicitud-con-errores");

		type("documentNumber", "45678912");
		browser.findElement(By.id("documento-declaracion-itse")).sendKeys(pdf.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		String caseNumber = browser.findElement(By.id("case-number")).getText();
		String accessCode = browser.findElement(By.id("access-code")).getText();
		assertThat(caseNumber).matches("060101-\\d{4}-\\d{6}");
		// the fee is a requirement: the receipt names what to pay, with which code, by when
		String paymentCode = browser.findElement(By.id("codigo-pago")).getText();
		assertThat(browser.findElement(By.id("monto-pago")).getText()).isEqualTo("S/ 120.50");
		assertThat(paymentCode).matches("060101 \\d{2} \\d{6} \\d");
		Browser.screenshot(browser, "03-solicitud-presentada");
		browser.findElement(By.cssSelector("main form button")).click();
		assertThat(browser.findElement(By.id("current-step")).getText())
			.isEqualTo("Esperando el pago del derecho de trámite");
		Browser.screenshot(browser, "04-estado-esperando-pago");

		// the citizen pays at the municipality's cashier, who finds the order by the code they read out
		logIn("t.tesoreria." + Staff.CAJAMARCA);
		open("/bandeja/caja");
		type("q", paymentCode);
		browser.findElement(By.cssSelector("#buscar-orden button")).click();
		String code = paymentCode.replace(" ", "");
		type("recibo-" + code, "B001-004512");
		type("monto-" + code, "120.50");
		Browser.screenshot(browser, "04b-caja-cobro");
		browser.findElement(By.cssSelector("#pago-" + code + " button")).click();
		assertThat(browser.findElement(By.id("pago-registrado")).getText()).startsWith("Pago registrado.");
		assertThat(browser.findElement(By.id("orden-" + code)).getText()).contains("Pagada", "B001-004512");
		logOut();

		open("/consulta");
		type("expediente", caseNumber);
		type("codigo", accessCode);
		browser.findElement(By.cssSelector("main form button")).click();
		assertThat(browser.findElement(By.id("current-step")).getText())
			.isEqualTo("Revisar requisitos — a cargo de Mesa de Partes");
		assertThat(browser.findElement(By.id("estado-pago")).getText()).isEqualTo("Pagado");
		assertThat(browser.findElement(By.id("descargar-constancia-pago")).isDisplayed()).isTrue();
		Browser.screenshot(browser, "04c-estado-en-tramite-pagado");

		clerkCompletes("mesa-de-partes", caseNumber, () -> choose("requisitosCompletos", "true"), "05-bandeja-mesa");
		clerkCompletes("licencias", caseNumber, () -> {
			assertThat(new Select(browser.findElement(By.id("nivelRiesgo"))).getFirstSelectedOption().getText())
				.isEqualTo("Bajo");
		}, "06-tarea-licencias");
		clerkCompletes("gerencia", caseNumber, () -> {
			choose("aprobado", "true");
			browser.findElement(By.id("fundamento")).sendKeys("Cumple los requisitos del TUPA.");
		}, "07-tarea-gerencia");

		open("/consulta");
		type("expediente", caseNumber);
		type("codigo", accessCode);
		browser.findElement(By.cssSelector("main form button")).click();
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Aprobado");
		Browser.screenshot(browser, "08-estado-aprobado");
		browser.findElement(By.linkText("Ver la página de verificación")).click();
		assertThat(browser.findElement(By.id("verification-result")).getText()).isEqualTo("Auténtico y vigente.");
		assertThat(browser.findElement(By.id("certificate-holder")).getText())
			.isEqualTo("Panadería Señor de Huamantanga S.A.C.");
		Browser.screenshot(browser, "09-verificacion");

		open("/verificar/AAAAA-BBBBB");
		assertThat(browser.findElement(By.id("verification-result")).getText()).contains("No existe ningún certificado");
		open("/consulta?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Track your case");
	}
}
