package pe.tramita.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.municipality.Municipalities;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Management publishes where and when its municipality attends the public; citizens read it on the catalogue and on
 * each procedure's page. Only that municipality's management can change it, and a bad value changes nothing.
 */
@TramitaTest
class PublicServiceTests {

	static final String CHANCAY = "061002";

	static final String HOURS = "Lunes a viernes de 8:00 a 13:00 y de 14:30 a 17:30";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	Municipalities municipalities;

	@Test
	void managementPublishesItAndCitizensReadItOnTheCatalogueAndEachProcedure() throws Exception {
		assertThat(page("/m/" + CHANCAY)).as("nothing published yet").doesNotContain("atencion-al-publico");
		Authentication manager = staff.login("gerencia", CHANCAY);
		var saved = mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("address", "Jr. Lima 500, Mesa de Partes")
			.param("hours", HOURS).param("phone", "(076) 555 0101").param("email", "mesadepartes@munichancay.gob.pe")
			.with(authentication(manager)).with(csrf())).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/bandeja/tupa/" + CHANCAY);

		assertThat(page("/m/" + CHANCAY)).contains("Atención al público", "Jr. Lima 500, Mesa de Partes", HOURS,
				"href=\"tel:(076)5550101\"", "mailto:mesadepartes@munichancay.gob.pe");
		assertThat(page("/m/" + CHANCAY + "/tramites/licencia-funcionamiento")).contains(HOURS);
		assertThat(page("/m/060101")).as("another municipality's catalogue").doesNotContain(HOURS);
	}

	@Test
	void aBadValueIsShownBackAndChangesNothing() throws Exception {
		Authentication manager = staff.login("gerencia", CHANCAY);
		var before = municipalities.publicService(CHANCAY);
		var refused = mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("address", "\u202E\u202E")
			.param("hours", "x".repeat(301)).param("phone", "llame").param("email", "mesa@")
			.with(authentication(manager)).with(csrf())).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"address-error\"", "id=\"hours-error\"",
				"id=\"phone-error\"", "id=\"email-error\"");
		assertThat(municipalities.publicService(CHANCAY)).isEqualTo(before);
	}

	@Test
	void onlyThatMunicipalitysManagementMayPublish() throws Exception {
		var before = municipalities.publicService(CHANCAY);
		assertThat(mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("hours", "Nunca")
			.with(authentication(staff.login("licencias", CHANCAY))).with(csrf())).andReturn().getResponse().getStatus())
			.as("another office").isEqualTo(403);
		assertThat(mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("hours", "Nunca")
			.with(authentication(staff.login("gerencia", "061003"))).with(csrf())).andReturn().getResponse().getStatus())
			.as("another municipality's management").isEqualTo(404);
		assertThat(mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("hours", "Nunca").with(csrf()))
			.andReturn().getResponse().getStatus()).as("nobody logged in").isEqualTo(302);
		assertThat(mvc.perform(post("/bandeja/tupa/{u}/atencion", CHANCAY).param("hours", "Nunca")
			.with(authentication(staff.login("gerencia", CHANCAY)))).andReturn().getResponse().getStatus())
			.as("its own management, from another site (no CSRF token)").isEqualTo(403);
		assertThat(municipalities.publicService(CHANCAY)).isEqualTo(before);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

}
