package pe.tramita.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.document.Documents;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.MailContents;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;
import pe.tramita.support.TramitaTest;
import pe.tramita.tasklist.TaskActions;

/**
 * An information request from filing to delivery: the extension is announced, the staff hand the citizen the
 * information, the constancia prints the answer and is signed by the office's own signatory, the citizen's
 * acknowledgment becomes the notification's effect on the timeline; and a request left unanswered is told what the
 * silence means.
 */
@TramitaTest
class AnswersDeliveredTests {

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	TaskService taskService;

	@Autowired
	TaskActions actions;

	@Autowired
	Notifications notifications;

	@Autowired
	Staff staff;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Documents documents;

	@Autowired
	CaseSteps steps;

	@Test
	void theInformationIsHandedOverAnnouncedAndPrintedOnTheConstanciaSignedByTheOffice() throws Exception {
		mvc.perform(post("/bandeja/certificados/firma/" + Staff.CAJAMARCA + "/oficina")
			.with(authentication(staff.login("gerencia", Staff.CAJAMARCA))).with(csrf())
			.param("oficina", "transparencia").param("nombre", "Rosa Medina Huamán")
			.param("cargo", "Funcionaria responsable de entregar la información"))
			.andExpect(status().is3xxRedirection());
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA, Applications.applicant(address, true));
		long caseId = applications.caseId(filing);

		steps.complete(filing, "assessRequest", Map.of("prorrogar", true, "diasProrroga", 5L, "motivoProrroga",
				"La información está en el archivo central y debe digitalizarse."));
		MailContents extended = MailContents.of(TestMailServer.awaitSubject(address, "Se prorrogó el plazo"));
		assertThat(extended.text).contains("La información está en el archivo central", "Nueva fecha límite",
				expedientes.find(caseId).orElseThrow().dueDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

		StaffUser officer = staff.person("rosa", "transparencia", Staff.CAJAMARCA);
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult().getId();
		byte[] contracts = SampleFiles.pdf();
		actions.attach(taskId, officer, new MockMultipartFile("archivo", "contratos-2026.pdf", "application/pdf",
				contracts), true);
		MailContents handed = MailContents.of(TestMailServer.awaitSubject(address, "le entregó documentos"));
		assertThat(handed.text).contains("contratos-2026.pdf");
		assertThat(handed.attachments).containsKey("contratos-2026.pdf");
		assertThat(handed.attachments.get("contratos-2026.pdf")).isEqualTo(contracts);

		String page = steps.statusPage(filing);
		assertThat(page).contains("id=\"delivered\"", "contratos-2026.pdf");
		Matcher documentId = Pattern.compile("name=\"documento\" value=\"(\\d+)\"").matcher(page);
		assertThat(documentId.find()).isTrue();
		assertThat(mvc.perform(post("/consulta/documento").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", filing.accessCode()).param("documento", documentId.group(1)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(contracts);
		mvc.perform(post("/consulta/documento").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", "AAAA-BBBB-CCCC").param("documento", documentId.group(1)))
			.andExpect(status().isNotFound());

		steps.complete(filing, "attendRequest", Map.of("entregar", true, "fundamento",
				"Se entregan los contratos 012-2026 y 031-2026 de recojo de residuos sólidos."));
		MailContents attended = MailContents.of(TestMailServer.awaitSubject(address, "Respuesta a su pedido"));
		assertThat(attended.text).contains("Se entregan los contratos 012-2026 y 031-2026", "Confirmar la recepción");
		byte[] constancia = attended.attachments.entrySet().stream()
			.filter(entry -> entry.getKey().startsWith("CT-")).findFirst().orElseThrow().getValue();
		try (PDDocument pdf = Loader.loadPDF(constancia)) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("CONSTANCIA", "Se entregan los contratos 012-2026 y 031-2026",
					"contratos-2026.pdf", "Rosa Medina Huamán", "Funcionaria responsable de entregar la información");
			PDSignature signature = pdf.getSignatureDictionaries().get(0);
			assertThat(signature.getName()).isEqualTo("Rosa Medina Huamán");
		}

		// the citizen confirms through the link: the page alone records nothing, its button does
		Matcher link = Pattern.compile("http://localhost:8080(/notificacion/[A-Za-z0-9_-]+)").matcher(attended.text);
		assertThat(link.find()).isTrue();
		String confirmPage = mvc.perform(get(link.group(1))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(confirmPage).contains("id=\"confirm-receipt\"");
		NotificationView before = latest(caseId);
		assertThat(before.receivedAt()).isNull();
		assertThat(mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("id=\"receipt-recorded\"");
		NotificationView confirmed = latest(caseId);
		assertThat(confirmed.receivedAt()).isNotNull();
		assertThat(confirmed.receivedBy()).isEqualTo(Notifications.BY_LINK);
		assertThat(confirmed.legalNotice()).isTrue();
		mvc.perform(get("/notificacion/no-existe")).andExpect(status().isNotFound());

		String timeline = steps.statusPage(filing);
		assertThat(timeline).contains("Notificación enviada por correo electrónico",
				"Usted confirmó la recepción de la notificación").doesNotContain("id=\"awaits-in-person\"");
		// reading the case counts as receiving what had been sent before and not confirmed
		assertThat(notifications.forCase(caseId)).filteredOn(n -> n.status() == NotificationStatus.ENVIADO)
			.allMatch(n -> n.receivedAt() != null);

		String staffPage = mvc.perform(get("/bandeja/expedientes/" + caseId)
			.with(authentication(staff.login("transparencia", Staff.CAJAMARCA)))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(staffPage).contains("id=\"notificaciones-tabla\"", "Respuesta a su pedido", "Enviado",
				"(confirmó en el enlace)", "250");
	}

	@Test
	void onlyTheMunicipalitysManagementSetsAnOfficeSignatoryAndOnlyForAnOfficeThatExists() throws Exception {
		String form = "/bandeja/certificados/firma/" + Staff.CAJAMARCA + "/oficina";
		mvc.perform(post(form).with(authentication(staff.login("licencias", Staff.CAJAMARCA))).with(csrf())
			.param("oficina", "transparencia").param("nombre", "Intruso").param("cargo", "Nadie"))
			.andExpect(status().isForbidden());
		mvc.perform(post(form).with(authentication(staff.login("gerencia", Staff.BANOS))).with(csrf())
			.param("oficina", "transparencia").param("nombre", "Intruso").param("cargo", "Nadie"))
			.andExpect(status().isNotFound());
		mvc.perform(post(form).with(authentication(staff.login("gerencia", Staff.CAJAMARCA)))
			.param("oficina", "transparencia").param("nombre", "Sin token").param("cargo", "Nadie"))
			.andExpect(status().isForbidden());
		mvc.perform(post(form).with(authentication(staff.login("gerencia", Staff.CAJAMARCA))).with(csrf())
			.param("oficina", "oficina-fantasma").param("nombre", "Alguien").param("cargo", "Cargo"))
			.andExpect(flash().attribute("problem", "certificates.signatory.error.office"));
		assertThat(jdbc.queryForList("SELECT officer_name FROM tramita.certificate_office_signatory", String.class))
			.doesNotContain("Intruso", "Sin token", "Alguien");
	}

	@Test
	void aStaffPaperNotHandedToTheCitizenIsNotTheirsToDownload() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileInformationRequest(Staff.CAJAMARCA, Applications.applicant(address, true));
		StaffUser officer = staff.person("rosa", "transparencia", Staff.CAJAMARCA);
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult().getId();
		actions.attach(taskId, officer, new MockMultipartFile("archivo", "informe-interno.pdf", "application/pdf",
				SampleFiles.pdf()), false);
		long internal = documents.listFor(applications.caseId(filing)).stream()
			.filter(document -> document.fileName().equals("informe-interno.pdf")).findFirst().orElseThrow().id();
		mvc.perform(post("/consulta/documento").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", filing.accessCode()).param("documento", String.valueOf(internal)))
			.andExpect(status().isNotFound());
		assertThat(steps.statusPage(filing)).doesNotContain("informe-interno.pdf");
	}

	@Test
	void aRequestLeftUnansweredIsToldItCountsAsDeniedAndWhatItMayDo() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileInformationRequest(Staff.BANOS, Applications.applicant(address, true));
		steps.complete(filing, "assessRequest", Map.of("prorrogar", false));
		steps.fireTimer(filing, ProcessDeadlines.LEGAL_TERM_TIMER);

		MailContents lapsed = MailContents.of(TestMailServer.awaitSubject(address, "Venció el plazo sin respuesta"));
		assertThat(lapsed.text).contains("Puede considerar denegado su pedido", "apelación",
				"Tribunal de Transparencia y Acceso a la Información Pública", "15 días hábiles");
	}

	private NotificationView latest(long caseId) {
		List<NotificationView> all = notifications.forCase(caseId);
		return all.get(all.size() - 1);
	}

}
