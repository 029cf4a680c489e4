package pe.tramita.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Expedientes;
import pe.tramita.request.RiskLevel;
import pe.tramita.request.Filing;
import pe.tramita.support.Applications;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** Each municipality's TUPA: its approved term and fee replace the defaults, for citizens and for new filings. */
@TramitaTest
class TupaTests {

	/** Jesús: only this test loads its TUPA. */
	static final String JESUS = "060106";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	Expedientes expedientes;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	LegalClock clock;

	@Test
	void theMunicipalitysApprovedTermAndFeeAreWhatCitizensSeeAndWhatNewFilingsFollow() throws Exception {
		Authentication manager = staff.login("gerencia", JESUS);
		String saved = follow(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "10")
			.param("derecho", "82.50").param("norma", "Ordenanza Municipal 007-2026-MDJ").with(authentication(manager))
			.with(csrf()), manager);
		assertThat(saved).contains("Se guardaron el plazo y el derecho de trámite");

		String catalog = follow(get("/m/{u}", JESUS), null);
		assertThat(catalog).contains("10 días hábiles", "S/ 82.50", "1.50 % de la UIT");
		assertThat(follow(get("/m/{u}/tramites/licencia-funcionamiento", JESUS), null))
			.contains("Ordenanza Municipal 007-2026-MDJ");
		assertThat(follow(get("/m/{u}/tupa", JESUS), null)).contains("Texto Único de Procedimientos Administrativos",
				"UIT 2026: S/ 5,500.00", "10 días hábiles", "S/ 82.50", "Mesa de Partes");
		assertThat(follow(get("/m/{u}", Staff.CAJAMARCA), null)).contains("15 días hábiles", "S/ 120.50",
				"2.19 % de la UIT");

		var application = multipart("/m/{u}/tramites/licencia-funcionamiento/solicitud", JESUS)
			.file(SampleFiles.part("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()));
		Applications.formFields(RiskLevel.BAJO).forEach((name, value) -> application.param(name, value));
		MvcResult filed = mvc.perform(application.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		Filing filing = FilingReceipts.read(mvc, filed);
		LocalDate due = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().dueDate();
		assertThat(due).isEqualTo(calendar.addBusinessDays(clock.today(), 10, JESUS));
	}

	@Test
	void valuesOutsideTheLawAreRefusedAndOnlyItsOwnManagementLoadsThem() throws Exception {
		Authentication manager = staff.login("gerencia", JESUS);
		assertThat(follow(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "31")
			.param("derecho", "10").param("norma", "Ordenanza 1-2026").with(authentication(manager)).with(csrf()), manager))
			.contains("entre 1 y 30 días hábiles");
		assertThat(follow(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "10")
			.param("derecho", "5500.01").param("norma", "Ordenanza 1-2026").with(authentication(manager)).with(csrf()),
				manager)).contains("que no supere una UIT");
		assertThat(follow(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "diez")
			.param("derecho", "10").param("norma", "Ordenanza 1-2026").with(authentication(manager)).with(csrf()), manager))
			.contains("entre 1 y 30 días hábiles");
		assertThat(follow(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "10")
			.param("derecho", "10").param("norma", "").with(authentication(manager)).with(csrf()), manager))
			.contains("Indique la norma");

		Authentication clerk = staff.login("mesa-de-partes", JESUS);
		mvc.perform(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "5").param("derecho", "1")
			.param("norma", "Ordenanza falsa").with(authentication(clerk)).with(csrf())).andExpect(status().isForbidden());
		Authentication otherManager = staff.login("gerencia", Staff.BANOS);
		mvc.perform(get("/bandeja/tupa/{u}", JESUS).with(authentication(otherManager))).andExpect(status().isNotFound());
		mvc.perform(post("/bandeja/tupa/{u}/licencia-funcionamiento", JESUS).param("plazo", "5").param("derecho", "1")
			.param("norma", "Ordenanza falsa").with(authentication(otherManager)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(follow(get("/m/{u}/tupa", JESUS), null)).doesNotContain("Ordenanza falsa", ">5 días hábiles");
	}

	private String follow(RequestBuilder request, Authentication user) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		if (result.getResponse().getRedirectedUrl() != null) {
			var next = get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies());
			result = mvc.perform(user == null ? next : next.with(authentication(user))).andReturn();
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
