package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.Certificates;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;

/**
 * In headless Chromium: anyone checks a licence file on the verification page; the municipal manager revokes it
 * with a reason; the public page then says so. Screenshots {@code c*} in {@code target/screenshots}.
 */
class CertificateBrowserTests extends JourneyBrowserTests {

	@Autowired
	Applications applications;

	@Autowired
	Certificates certificates;

	CertificateView licence;

	@BeforeEach
	void aLicence() throws Exception {
		staff.login("gerencia", Staff.CAJAMARCA);
		licence = certificates.issueLicence(applications.fileLicenceCase(Staff.CAJAMARCA, RiskLevel.MEDIO), "MEDIO");
	}

	@Test
	void anyoneChecksTheFileAndTheManagerRevokesTheLicence() throws Exception {
		Path file = Files.createTempFile("licencia-", ".pdf");
		Files.write(file, certificates.pdf(licence.verificationCode()).orElseThrow().content());
		open("/verificar/" + licence.verificationCode());
		browser.findElement(By.id("archivo")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form[action$='/verificar/archivo'] button")).click();
		assertThat(browser.findElement(By.id("file-check-result")).getText())
			.isEqualTo("El archivo es el original emitido por Tramita, sin modificaciones, y el documento está vigente.");
		Browser.screenshot(browser, "c1-archivo-original");

		open("/ingresar");
		type("username", "t.gerencia." + Staff.CAJAMARCA);
		type("password", Staff.PASSWORD);
		browser.findElement(By.cssSelector("main form button")).click();
		browser.findElement(By.linkText("Certificados")).click();
		type("numero", licence.number());
		browser.findElement(By.cssSelector("form[role=search] button")).click();
		// the list before the search shows the certificate too: click its link on the page the search opened
		urlOnceAt("numero=");
		browser.findElement(By.linkText(licence.number())).click();
		Browser.screenshot(browser, "c2-certificado-en-la-oficina");
		type("motivo", "El titular cerró el establecimiento (acta de cese 045-2026).");
		browser.findElement(By.id("confirmo")).click();
		browser.findElement(By.cssSelector("#revoke-form button")).click();
		Browser.awaitSuccessMessage(browser, "El certificado " + licence.number() + " fue revocado.");
		Browser.screenshot(browser, "c3-revocado");

		// the logout's own redirect would replace a page opened before it arrives
		logOut();
		open("/verificar/" + licence.verificationCode());
		assertThat(browser.findElement(By.id("verification-result")).getText())
			.isEqualTo("Este certificado fue REVOCADO y no tiene validez.");
		assertThat(browser.findElement(By.id("revocation-reason")).getText())
			.isEqualTo("El titular cerró el establecimiento (acta de cese 045-2026).");
		Browser.screenshot(browser, "c4-verificacion-revocado");
		Files.delete(file);
	}
}
