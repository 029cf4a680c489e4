package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** An office starts a minor purchase from the staff pages; citizens never see it; no one starts it for another office. */
@TramitaTest
class InternalProcedureHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aClerkStartsAMinorPurchaseForTheirOwnOffice() throws Exception {
		Authentication clerk = staff.login("licencias", Staff.CAJAMARCA);
		assertThat(body(get("/bandeja/iniciar").with(authentication(clerk)))).contains("Contratación menor");
		assertThat(body(get("/bandeja/iniciar/contratacion-menor").with(authentication(clerk))))
			.contains("Área usuaria que requiere", "Especificaciones técnicas", "Valor estimado (S/)");

		int before = cases();
		var started = mvc.perform(purchase(clerk, Staff.CAJAMARCA, "licencias")).andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(started.getFlashMap().get("message")).isEqualTo("internal.started");
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void noOneStartsItForAnotherOfficeOrMunicipalityAndBadInputSavesNothing() throws Exception {
		Authentication clerk = staff.login("licencias", Staff.CAJAMARCA);
		int before = cases();
		assertThat(body(purchase(clerk, Staff.CAJAMARCA, "gerencia"))).contains("Solo puede iniciar el procedimiento para su propia oficina");
		mvc.perform(purchase(clerk, Staff.BANOS, "licencias")).andExpect(status().isNotFound());
		assertThat(body(purchase(clerk, Staff.CAJAMARCA, "licencias", "corto")))
			.contains("«Especificaciones técnicas» debe tener al menos 20 caracteres");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void citizensDoNotSeeInternalProcedures() throws Exception {
		assertThat(body(get("/m/060101"))).doesNotContain("Contratación menor");
		assertThat(body(get("/m/060101/tupa"))).doesNotContain("Contratación menor");
		mvc.perform(get("/m/060101/tramites/contratacion-menor")).andExpect(status().isNotFound());
		mvc.perform(get("/m/060101/tramites/contratacion-menor/solicitud")).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder purchase(Authentication clerk, String ubigeo, String office) {
		return purchase(clerk, ubigeo, office, "Tóner original compatible con la impresora HP LaserJet M404.");
	}

	private MockHttpServletRequestBuilder purchase(Authentication clerk, String ubigeo, String office,
			String specifications) {
		return post("/bandeja/iniciar/contratacion-menor").with(authentication(clerk)).with(csrf())
			.param("municipio", ubigeo).param("oficinaSolicitante", office)
			.param("descripcion", "Tóner para impresora láser").param("especificaciones", specifications)
			.param("cantidad", "6").param("valorEstimado", "2400");
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private int cases() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.expediente WHERE procedure_key = 'contratacion-menor'",
				Integer.class);
	}

}
