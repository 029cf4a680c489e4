package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** The menu shows each person the links their offices may follow, and a visitor the staff's login. */
@TramitaTest
class StaffMenuTests {

	static final List<String> STAFF_LINKS = List.of("href=\"/bandeja\"", "href=\"/bandeja/certificados\"",
			"href=\"/bandeja/iniciar\"", "href=\"/bandeja/analitica\"", "href=\"/bandeja/correos\"",
			"href=\"/bandeja/proyectos\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Test
	void aVisitorSeesTheLoginAndNoStaffLink() throws Exception {
		String page = page(get("/consulta"));
		assertThat(page).contains("href=\"/ingresar\"").doesNotContain("action=\"/salir\"", "/bandeja");
	}

	@Test
	void eachPersonSeesTheLinksOfTheirOffices() throws Exception {
		Authentication clerk = staff.login("mesa-de-partes", Staff.CAJAMARCA);
		String clerkPage = page(get("/consulta").with(authentication(clerk)));
		assertThat(clerkPage).contains(STAFF_LINKS.toArray(String[]::new))
			.contains("action=\"/salir\"", staff.fullName(clerk.getName()))
			.doesNotContain("href=\"/ingresar\"", "/bandeja/caja/diaria", "href=\"/asesoria\"",
					"/bandeja/calendario", "/bandeja/oficinas");

		String cashierPage = page(get("/consulta").with(authentication(staff.login("tesoreria", Staff.CAJAMARCA))));
		assertThat(cashierPage).contains("/bandeja/caja/diaria").doesNotContain("href=\"/asesoria\"",
				"/bandeja/oficinas");

		String advisorPage = page(get("/consulta").with(authentication(staff.login("asesor", Staff.CAJAMARCA))));
		assertThat(advisorPage).contains("/bandeja/caja/diaria", "href=\"/asesoria\"")
			.doesNotContain("/bandeja/calendario", "/bandeja/oficinas");

		String adminPage = page(get("/consulta").with(authentication(staff.login(Offices.ADMIN, Staff.CAJAMARCA))));
		assertThat(adminPage).contains("/bandeja/caja/diaria", "href=\"/asesoria\"", "/bandeja/calendario",
				"/bandeja/oficinas");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
