package pe.tramita.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.certificate.Certificates;
import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.payment.PaymentOrder;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.MailContents;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;
import pe.tramita.support.TramitaTest;

/**
 * Each event a citizen must know of reaches them by e-mail through a real SMTP server (GreenMail, in this JVM): the
 * tests read every message back — recipient, subject, text, HTML, attachments parsed — and check what the staff and
 * the status page say of it.
 */
@TramitaTest
class CitizenNotificationTests {

	@Autowired
	Applications applications;

	@Autowired
	PaymentOrders orders;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Notifications notifications;

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseSteps steps;

	@Autowired
	Certificates certificates;

	@Autowired
	Staff staff;

	@Autowired
	Documents documents;

	static String newAddress() {
		return "ciudadano-" + UUID.randomUUID().toString().substring(0, 8) + "@example.pe";
	}

	@Test
	void theFilingIsAcknowledgedWithItsSignedReceiptAndTheCodeNeverInALink() throws Exception {
		String address = newAddress();
		Filing filing = applications.fileUnpaidLicence(Staff.CAJAMARCA, RiskLevel.BAJO,
				Applications.applicant(address, true));

		MimeMessage message = TestMailServer.awaitSubject(address, "Recibimos su solicitud");
		MailContents mail = MailContents.of(message);
		assertThat(message.getSubject()).contains(filing.caseNumber());
		assertThat(message.getFrom()[0].toString()).contains("Municipalidad Provincial de Cajamarca");
		assertThat(mail.text).contains("Juana Quispe Ñahui", filing.caseNumber(), filing.accessCode(),
				"Licencia de Funcionamiento", "http://localhost:8080/consulta");
		// the fee to pay, with its code and last day: the case waits for it
		PaymentOrder order = orders.forCaseNumber(filing.caseNumber()).orElseThrow();
		assertThat(mail.text.replaceAll("\\s+", " "))
			.contains("pague el derecho de trámite de S/ 120.50 con el código de pago " + order.groupedCode());
		assertThat(mail.html).contains(filing.caseNumber(), filing.accessCode());
		assertThat(links(mail.html)).isNotEmpty().noneMatch(link -> link.contains(filing.accessCode()));
		assertThat(links(mail.text)).noneMatch(link -> link.contains(filing.accessCode()));

		byte[] receipt = mail.attachments.get("cargo-recepcion-" + filing.caseNumber() + ".pdf");
		assertThat(receipt).as("the receipt is attached").isNotNull();
		ExpedienteView filed = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow();
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("CARGO DE RECEPCIÓN", filing.caseNumber(), filing.accessCode(),
					"Licencia de Funcionamiento", "dj.pdf", "Positivo");
			String sha = applicationDocumentSha(filed.id());
			assertThat(text.replace(" ", "")).contains(sha);
			assertThat(pdf.getSignatureDictionaries()).hasSize(1);
			assertThat(pdf.getDocumentInformation().getKeywords()).isEqualTo(filing.caseNumber());
		}
		assertThat(PdfChecks.pdfA2bFailures(receipt)).as("PDF/A-2b, as veraPDF sees it").isEmpty();
		assertThat(PdfChecks.pdfsig(receipt)).contains("Signature Validation: Signature is Valid.",
				"Total document signed");
		assertThat(notifications.forCase(filed.id())).singleElement()
			.satisfies(n -> {
				assertThat(n.status()).isEqualTo(NotificationStatus.ENVIADO);
				assertThat(n.serverReply()).startsWith("250");
				assertThat(n.legalNotice()).as("a filing is not an act to notify").isFalse();
			});
	}

	@Test
	void anObservationTellsWhatIsMissingAndTheDeadlineThenTheCorrectionAndTheApprovalWithTheLicenceFollow()
			throws Exception {
		String address = newAddress();
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO, Applications.applicant(address, true));
		steps.complete(filing, "reviewRequirements",
				Map.of("requisitosCompletos", false, "observacion", "Falta la copia de la vigencia de poder."));

		MailContents observed = MailContents.of(TestMailServer.awaitSubject(address, "tiene observaciones"));
		assertThat(observed.text).contains("Falta la copia de la vigencia de poder.", "Tiene hasta el",
				"2 días hábiles", "Confirmar la recepción");

		expedientes.correctObservations(filing.caseNumber(), filing.accessCode(),
				List.of(sample("vigencia.pdf")));
		TestMailServer.awaitSubject(address, "Recibimos su subsanación");

		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		steps.complete(filing, "decideLicence", Map.of("aprobado", true, "fundamento", "Cumple todos los requisitos."));

		MimeMessage approved = TestMailServer.awaitSubject(address, "fue aprobada");
		MailContents decision = MailContents.of(approved);
		assertThat(decision.text).contains("Cumple todos los requisitos.");
		assertThat(decision.attachments.keySet()).singleElement().asString().startsWith("LF-").endsWith(".pdf");
		try (PDDocument licence = Loader.loadPDF(decision.attachments.values().iterator().next())) {
			assertThat(new PDFTextStripper().getText(licence)).contains("LICENCIA DE FUNCIONAMIENTO");
		}
		// the licence came with the decision, not in a message of its own
		assertThat(TestMailServer.to(address)).extracting(TestMailServer::subject)
			.noneMatch(subject -> subject.contains("Se emitió su documento"));
		// filing, payment received, observation, correction, approval
		assertThat(TestMailServer.to(address)).hasSize(5).extracting(TestMailServer::subject)
			.anyMatch(subject -> subject.startsWith("Recibimos su pago"));
	}

	@Test
	void aDenialGivesItsGroundsAndTheAppealsOpenToTheCitizen() throws Exception {
		String address = newAddress();
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO, Applications.applicant(address, false));
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "MUY_ALTO"));
		steps.complete(filing, "inspectSafety",
				Map.of("itseFavorable", false, "informeItse", "Sin salidas de emergencia."));
		steps.complete(filing, "decideLicence", Map.of("aprobado", false, "fundamento", "La ITSE fue desfavorable."));

		MailContents denied = MailContents.of(TestMailServer.awaitSubject(address, "Decisión sobre su solicitud"));
		assertThat(denied.text).contains("La ITSE fue desfavorable.", "reconsideración", "apelación",
				"15 días hábiles", "art. 218")
			.contains("informativo").doesNotContain("Confirmar la recepción");

		String page = steps.statusPage(filing);
		assertThat(page).contains("id=\"awaits-in-person\"");
	}

	@Test
	void aCitizenWhoFiledInEnglishIsWrittenToInEnglishAndDownloadsTheReceiptFromTheReceiptPage() throws Exception {
		String address = newAddress();
		Map<String, String> fields = new HashMap<>(Applications.complaintFields());
		fields.putAll(Map.of("formularioDelModelo", "1", "documentType", "DNI", "documentNumber", "45678912",
				"applicantName", "Juana Quispe Ñahui", "email", address, "declarationAccepted", "true",
				"emailNotificationAccepted", "true"));
		var form = multipart("/m/060101/tramites/queja-reclamo/solicitud").cookie(new Cookie("tramita-idioma", "en"));
		fields.forEach(form::param);
		Filing filing = FilingReceipts.read(mvc, mvc.perform(form.with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn());

		MailContents mail = MailContents.of(TestMailServer.awaitSubject(address, "We received your application"));
		assertThat(mail.text).contains("Dear Juana Quispe Ñahui,", "Your access code is:", filing.accessCode())
			.doesNotContain("Estimado");

		byte[] receipt = mvc.perform(post("/consulta/cargo").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", filing.accessCode())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("CARGO DE RECEPCIÓN", filing.caseNumber(),
					filing.accessCode());
		}
		mvc.perform(post("/consulta/cargo").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", "AAAA-BBBB-CCCC")).andExpect(status().isNotFound());
	}

	@Test
	void theLawDecidesWhenNobodyDoesAndTheCitizenIsToldWhatItMeans() throws Exception {
		String approvedAddress = newAddress();
		Filing approved = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.MEDIO,
				Applications.applicant(approvedAddress, true));
		steps.complete(approved, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(approved, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		steps.fireTimer(approved, "legalTermExpired");
		MailContents bySilence = MailContents.of(TestMailServer.awaitSubject(approvedAddress,
				"quedó aprobada por silencio administrativo"));
		assertThat(bySilence.text).contains("pleno derecho", "art. 199");
		assertThat(bySilence.attachments.keySet()).singleElement().asString().startsWith("LF-");

		String lapsedAddress = newAddress();
		Filing lapsed = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO,
				Applications.applicant(lapsedAddress, true));
		steps.complete(lapsed, "reviewRequirements",
				Map.of("requisitosCompletos", false, "observacion", "Falta el plano."));
		steps.fireTimer(lapsed, "correctionTermExpired");
		MailContents notFiled = MailContents.of(TestMailServer.awaitSubject(lapsedAddress, "se tuvo por no presentada"));
		assertThat(notFiled.text).contains("Puede presentar una nueva solicitud");
	}

	@Test
	void aCorrectedDocumentIsSentWithItsNewNumber() throws Exception {
		String address = newAddress();
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO, Applications.applicant(address, true));
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		steps.complete(filing, "decideLicence", Map.of("aprobado", true, "fundamento", "Cumple."));
		TestMailServer.awaitSubject(address, "fue aprobada");

		var issued = certificates.findForCase(applications.caseId(filing)).orElseThrow();
		var replacement = certificates.reissue(issued.verificationCode(), "La dirección tenía un error de tipeo.",
				issued.holder(), issued.fields().stream().map(field -> field.value()).toList(),
				staff.person("gerente", "gerencia", Staff.CAJAMARCA));
		MailContents corrected = MailContents.of(TestMailServer.awaitSubject(address, "documento corregido"));
		assertThat(corrected.text).contains(replacement.number(), "el anterior quedó sin efecto");
		assertThat(corrected.attachments).containsKey(replacement.number() + ".pdf");
	}

	private static List<String> links(String body) {
		Matcher matcher = Pattern.compile("https?://[^\\s\"<>]+").matcher(body);
		List<String> links = new ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group());
		}
		return links;
	}

	private String applicationDocumentSha(long expedienteId) {
		return documents.listFor(expedienteId).get(0).sha256();
	}

	static UploadedFile sample(String name) {
		byte[] pdf = SampleFiles.pdf();
		return new UploadedFile("subsanacion", name, FileKind.PDF, pdf, Documents.sha256(pdf));
	}

}
