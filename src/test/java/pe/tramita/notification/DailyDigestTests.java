package pe.tramita.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.TramitaApplication;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.MailContents;
import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/** A clerk asks for the morning e-mail and gets their tasks due today and overdue; with nothing due, nothing comes. */
@TramitaTest
class DailyDigestTests {

	static final String UBIGEO = "060607";

	@Autowired
	DailyDigest digest;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identityService;

	@Autowired
	Staff staff;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void aSubscribedClerkGetsTheTasksDueTodayAndOverdueOfTheirOffice() throws Exception {
		String clerk = staff.create("t.digest.mesa." + UBIGEO, "mesa-de-partes", UBIGEO);
		String address = CitizenNotificationTests.newAddress();
		User user = identityService.createUserQuery().userId(clerk).singleResult();
		user.setEmail(address);
		identityService.saveUser(user);

		assertThat(digest.send(clerk)).as("nothing due yet in a new municipality").isFalse();
		Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);

		mvc.perform(post("/bandeja/resumen-diario").with(authentication(staff.loginAs(clerk))).with(csrf())
			.param("recibir", "true"));
		assertThat(digest.subscribed(clerk)).isTrue();
		assertThat(mvc.perform(get("/bandeja/resumen-diario").with(authentication(staff.loginAs(clerk))))
			.andReturn().getResponse().getContentAsString()).contains("Está recibiendo el correo diario", address);

		// two months later the review (due on the legal term) is overdue
		TestTime.set(Date.from(ZonedDateTime.now(TramitaApplication.LIMA).plusDays(60).toInstant()));
		digest.sendAll();
		MailContents mail = MailContents.of(TestMailServer.awaitSubject(address, "Sus tareas: 0 vencen hoy, 1 vencidas"));
		assertThat(mail.text).contains("Vencidas (1)", filing.caseNumber(), "Revisar requisitos",
				"http://localhost:8080/bandeja?vista=vencidas");

		mvc.perform(post("/bandeja/resumen-diario").with(authentication(staff.loginAs(clerk))).with(csrf())
			.param("recibir", "false"));
		assertThat(digest.subscribed(clerk)).isFalse();
	}

}
