package pe.tramita.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;

/**
 * A procedure that is only data, in headless Chromium: a citizen files a complaint with the form its model declares,
 * reception routes it, the office in charge answers, the citizen reads the answer. Screenshots {@code r*}.
 */
class ComplaintJourneyBrowserTests extends JourneyBrowserTests {

	@BeforeEach
	void clerks() throws Exception {
		staff.login("mesa-de-partes", Staff.CAJAMARCA);
		staff.login("servicios-publicos", Staff.CAJAMARCA);
	}

	@Test
	void aComplaintIsFiledRoutedAndAnswered() throws Exception {
		open("/m/060101/tramites/queja-reclamo/solicitud");
		type("documentNumber", "45678912");
		type("applicantName", "Miguel Cerna Vásquez");
		String address = "miguel." + System.nanoTime() + "@example.pe";
		type("email", address);
		browser.findElement(By.id("emailNotificationAccepted1")).click();
		new Select(browser.findElement(By.id("servicio"))).selectByValue("LIMPIEZA");
		type("hechos", "Corto");
		type("pedido", "Que se restablezca el recojo de residuos.");
		browser.findElement(By.id("declarationAccepted1")).click();
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		assertThat(browser.findElement(By.cssSelector(".errors")).getText())
			.contains("«Qué ocurrió» debe tener al menos 20 caracteres.");
		Browser.screenshot(browser, "r1-reclamo-con-errores");

		type("hechos", "El camión recolector no pasa por el Jr. Amalia Puga desde hace dos semanas.");
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		String caseNumber = browser.findElement(By.id("case-number")).getText();
		String accessCode = browser.findElement(By.id("access-code")).getText();
		Browser.screenshot(browser, "r2-reclamo-presentado");

		clerkCompletes("mesa-de-partes", caseNumber,
				() -> new Select(browser.findElement(By.id("oficinaResponsable"))).selectByValue("servicios-publicos"),
				"r3-derivar");
		assertThat(lastTaskPage).doesNotContain("null m²", "??");
		clerkCompletes("servicios-publicos", caseNumber, () -> type("fundamento",
				"Se reprogramó la ruta del camión recolector; el recojo se restablece el lunes."), "r4-responder");

		open("/consulta");
		type("expediente", caseNumber);
		type("codigo", accessCode);
		browser.findElement(By.cssSelector("main form button")).click();
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Atendido");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Limpieza pública y recojo de residuos", "Se reprogramó la ruta del camión recolector",
					"Responder el reclamo: terminado por Gerencia de Servicios Públicos")
			.containsPattern("Constancia N° CT-\\d{4}-\\d{6}")
			.doesNotContain("${", "Licencia de Funcionamiento");
		Browser.screenshot(browser, "r5-reclamo-atendido");

		// what the citizen was sent, as staff read it in the mail sink (the demo's stand-in for an SMTP server)
		TestMailServer.awaitSubject(address, "Respuesta a su pedido");
		logIn("t.mesa-de-partes." + Staff.CAJAMARCA);
		open("/bandeja/correos");
		assertThat(browser.findElement(By.id("sink-messages")).getText())
			.contains(address, "Recibimos su solicitud — expediente " + caseNumber,
					"Respuesta a su pedido — expediente " + caseNumber);
		Browser.screenshot(browser, "r6-correos-enviados");
		browser.findElement(By.linkText("Respuesta a su pedido — expediente " + caseNumber)).click();
		urlOnceAt("/bandeja/correos/");
		assertThat(browser.findElement(By.id("mail-to")).getText()).isEqualTo(address);
		assertThat(browser.findElement(By.id("mail-text")).getText())
			.contains("Estimado(a) Miguel Cerna Vásquez:", "Se reprogramó la ruta del camión recolector",
					"Confirmar la recepción")
			.doesNotContain(accessCode);
		assertThat(browser.findElement(By.id("mail-attachments")).getText()).containsPattern("CT-\\d{4}-\\d{6}\\.pdf");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("??", "Message[");
		Browser.screenshot(browser, "r7-correo-respuesta");
	}
}
