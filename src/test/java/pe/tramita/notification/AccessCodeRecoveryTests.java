package pe.tramita.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.MailContents;
import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;
import pe.tramita.support.TramitaTest;

/**
 * "¿Perdió su código?": the number and the identity document used bring a new code to the e-mail on file, the old
 * one stops working, the page says the same whatever was typed, and one case gets at most three new codes a day.
 */
@TramitaTest
class AccessCodeRecoveryTests {

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Test
	void theNumberAndTheDocumentBringANewCodeToTheAddressOnFileAndTheOldOneStopsWorking() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO, Applications.applicant(address, true));
		TestMailServer.awaitSubject(address, "Recibimos su solicitud");

		String wrong = ask(filing.caseNumber(), "87654321");
		String right = ask(filing.caseNumber().toLowerCase() + " ", " 45678912");
		String unknown = ask("060101-1999-000001", "45678912");
		assertThat(withoutToken(wrong)).as("the same answer whatever matched").isEqualTo(withoutToken(right))
			.isEqualTo(withoutToken(unknown));
		assertThat(right).contains("id=\"lost-code-sent\"");

		MimeMessage sent = TestMailServer.awaitSubject(address, "Su nuevo código de acceso");
		MailContents mail = MailContents.of(sent);
		Matcher code = Pattern.compile("Su código de acceso es: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})").matcher(mail.text);
		assertThat(code.find()).as(mail.text).isTrue();
		String newCode = code.group(1);
		assertThat(newCode).isNotEqualTo(filing.accessCode());
		assertThat(mail.html).contains(newCode).doesNotContain("?codigo=", "/" + newCode);

		assertThat(expedientes.findForCitizen(filing.caseNumber(), filing.accessCode())).as("the old code").isEmpty();
		assertThat(expedientes.findForCitizen(filing.caseNumber(), newCode)).as("the new code").isPresent();
		assertThat(expedientes.events(applications.caseId(filing)))
			.anyMatch(event -> event.messageKey().equals("timeline.event.CODIGO_RENOVADO"));
		// the wrong document sent nothing: one code message only, after the filing's
		assertThat(TestMailServer.to(address)).extracting(TestMailServer::subject)
			.filteredOn(subject -> subject.contains("nuevo código")).hasSize(1);
	}

	@Test
	void oneCaseGetsAtMostThreeNewCodesADay() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileUnpaidLicence(Staff.CAJAMARCA, RiskLevel.BAJO,
				Applications.applicant(address, true));
		for (int i = 0; i < 5; i++) {
			ask(filing.caseNumber(), "45678912");
		}
		List<MimeMessage> codes = TestMailServer.await(address, 4).stream()
			.filter(message -> TestMailServer.subject(message).contains("nuevo código")).toList();
		assertThat(codes).hasSize(3);
		// the outbox is where every message comes from: the two refused asks wrote none
		assertThat(notifications.forCase(applications.caseId(filing)))
			.filteredOn(n -> n.kind().equals("CODIGO_RENOVADO")).hasSize(3)
			.allMatch(n -> n.status() == NotificationStatus.ENVIADO);
	}

	private String ask(String caseNumber, String document) throws Exception {
		return mvc.perform(post("/consulta/codigo").with(csrf()).param("expediente", caseNumber)
			.param("documento", document)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
	}

}
