package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import pe.tramita.TramitaApplication;
import pe.tramita.request.Filing;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The whole journey over HTTP: a citizen applies with a document, three clerks work their steps through the task
 * list, the citizen sees the outcome and downloads the licence, whose PDF is read back (text and QR code) and
 * verified on the public page.
 */
@TramitaTest
class LicenceJourneyHttpTests {

	private static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Test
	void citizenAppliesClerksDecideAndTheCertificateVerifies() throws Exception {
		mvc.perform(get(FORM)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Solicitud de Licencia de Funcionamiento")));

		MvcResult filed = mvc.perform(applicationRequest()).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/m/060101/tramites/licencia-funcionamiento/presentada"))
			.andReturn();
		// the receipt comes back in a sealed cookie, not in a server session
		assertThat(filed.getRequest().getSession(false)).isNull();
		jakarta.servlet.http.Cookie sealed = filed.getResponse().getCookie("tramita-recibo");
		assertThat(sealed).isNotNull();
		assertThat(sealed.isHttpOnly()).isTrue();
		String receipt = mvc.perform(get("/m/060101/tramites/licencia-funcionamiento/presentada").cookie(sealed))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Filing filing = FilingReceipts.read(mvc, filed);
		assertThat(filing.caseNumber()).matches("060101-\\d{4}-\\d{6}");
		assertThat(filing.accessCode()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
		assertThat(sealed.getValue()).doesNotContain(filing.caseNumber(), filing.accessCode());
		assertThat(receipt).contains("Guarde el número de expediente");
		mvc.perform(get("/m/060101/tramites/licencia-funcionamiento/presentada"))
			.andExpect(redirectedUrl("/consulta"));
		// a receipt changed by one character, or sealed by no one, opens nothing
		char[] changed = sealed.getValue().toCharArray();
		changed[changed.length / 2] = changed[changed.length / 2] == 'A' ? 'B' : 'A';
		for (String forged : new String[] { new String(changed), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%%%" }) {
			mvc.perform(get("/m/060101/tramites/licencia-funcionamiento/presentada")
				.cookie(new jakarta.servlet.http.Cookie("tramita-recibo", forged))).andExpect(redirectedUrl("/consulta"));
		}

		// the fee: named on the receipt; the case waits for it; the cashier records it and the case goes on
		Matcher paymentCode = Pattern.compile("id=\"codigo-pago\"[^>]*>([0-9 ]+)<")
			.matcher(receipt);
		assertThat(paymentCode.find()).as("the payment code on the receipt").isTrue();
		assertThat(receipt).contains("S/ 120.50");
		assertThat(statusPage(filing)).contains("Esperando el pago del derecho de trámite");
		mvc.perform(post("/bandeja/caja/pagos").with(csrf()).with(authentication(staff.login("tesoreria",
				Staff.CAJAMARCA))).param("codigo", paymentCode.group(1)).param("recibo", "B001-" + filing.caseNumber())
			.param("monto", "120.50").param("fecha", LocalDate.now(TramitaApplication.LIMA)
				.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusPage(filing)).contains("En trámite", "Revisar requisitos — a cargo de Mesa de Partes",
				"Solicitud presentada en línea", "dj.pdf", "Se recibió el pago del derecho de trámite");

		work(filing, "mesa-de-partes", "requisitosCompletos=true");
		work(filing, "licencias", "nivelRiesgo=BAJO");
		Authentication manager = staff.login("gerencia", Staff.CAJAMARCA);
		String taskId = claimOnlyTask(filing, manager);
		String refused = mvc.perform(post("/bandeja/tareas/" + taskId + "/completar").with(authentication(manager))
			.with(csrf()).param("aprobado", "true").param("fundamento", ""))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("El campo «Fundamento de la decisión» es obligatorio.");
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
		complete(taskId, manager, "aprobado=true", "fundamento=Cumple los requisitos del TUPA.");

		String outcome = statusPage(filing);
		assertThat(outcome).contains("Aprobado", "Cumple los requisitos del TUPA.", "Licencia otorgada y notificada");
		Matcher link = Pattern.compile("/verificar/([A-Z2-9]{5}-[A-Z2-9]{5})/pdf").matcher(outcome);
		assertThat(link.find()).as("certificate download link on the status page").isTrue();
		String code = link.group(1);

		byte[] pdf = mvc.perform(get("/verificar/" + code + "/pdf")).andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("MUNICIPALIDAD PROVINCIAL DE CAJAMARCA", "LICENCIA DE FUNCIONAMIENTO",
					"Bodega Doña Juana E.I.R.L.", "Venta de abarrotes", "35.75 m²", filing.caseNumber(),
					"Código de verificación: " + code);
			for (var name : document.getPage(0).getResources().getFontNames()) {
				PDFont font = document.getPage(0).getResources().getFont(name);
				assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
			}
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			String qr = new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
				.getText();
			assertThat(qr).endsWith("/verificar/" + code);
		}

		String verification = mvc.perform(get("/verificar/" + code)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(verification).contains("Auténtico y vigente.", "Bodega Doña Juana E.I.R.L.",
				"Municipalidad Provincial de Cajamarca")
			.doesNotContain("45678912", "juana@example.pe");
	}

	private org.springframework.test.web.servlet.RequestBuilder applicationRequest() {
		var request = multipart(FORM)
			.file(SampleFiles.part("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()))
			.with(csrf());
		Applications.formFields(pe.tramita.request.RiskLevel.BAJO).forEach((name, value) -> request.param(name, value));
		return request;
	}

	private String statusPage(Filing filing) throws Exception {
		return CaseSteps.statusPage(mvc, filing.caseNumber(), filing.accessCode());
	}

	private void work(Filing filing, String office, String... fields) throws Exception {
		Authentication clerk = staff.login(office, Staff.CAJAMARCA);
		complete(claimOnlyTask(filing, clerk), clerk, fields);
	}

	/** Finds the case's task in the clerk's list, claims it and opens it. */
	private String claimOnlyTask(Filing filing, Authentication clerk) throws Exception {
		String list = mvc.perform(get("/bandeja").param("vista", "oficina").param("buscar", filing.caseNumber())
			.with(authentication(clerk))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(filing.caseNumber());
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult()
			.getId();
		assertThat(list).contains("/bandeja/tareas/" + taskId);
		mvc.perform(post("/bandeja/tareas/" + taskId + "/reclamar").with(authentication(clerk)).with(csrf()))
			.andExpect(redirectedUrl("/bandeja/tareas/" + taskId));
		String page = mvc.perform(get("/bandeja/tareas/" + taskId).with(authentication(clerk)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(filing.caseNumber(), "Juana Quispe Ñahui", "Completar el paso");
		return taskId;
	}

	private void complete(String taskId, Authentication clerk, String... fields) throws Exception {
		var request = post("/bandeja/tareas/" + taskId + "/completar").with(authentication(clerk)).with(csrf());
		for (String field : fields) {
			String[] pair = field.split("=", 2);
			request.param(pair[0], pair[1]);
		}
		mvc.perform(request).andExpect(redirectedUrl("/bandeja"));
	}

}
