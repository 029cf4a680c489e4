package pe.tramita.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.costing.CostSheet.Position;
import pe.tramita.security.Offices;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The advisor registers a municipality's positions (one by one or from a CSV file, all or nothing), costs the licence
 * on its page (pre-filled from the model's steps) and sees the sheet, the fee check and the requirements check. Bad
 * input comes back with its problem and saves nothing; an advisor cannot reach another municipality's costs.
 */
@TramitaTest
class CostingPagesTests {

	static final String SAN_IGNACIO_CHIRINOS = "060902";

	/** Another municipality, whose licence no other test costs. */
	static final String LA_COIPA = "060904";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	Costings costings;

	@Autowired
	ProcedureCatalog catalog;

	@Test
	void positionsComeFromACsvFileAllOrNothing() throws Exception {
		Authentication advisor = advisor();
		MockHttpServletResponse refused = mvc.perform(multipart("/asesoria/costos/{u}/cargos/importar", SAN_IGNACIO_CHIRINOS)
			.file(csv("cargo;costo mensual\nPromotor;1800\nChofer;mil doscientos\n")).with(csrf()).with(authentication(advisor)))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("No se importó ningún cargo",
				"Línea 3: el costo mensual no es un monto mayor que cero");
		assertThat(costings.positions(SAN_IGNACIO_CHIRINOS)).extracting(Position::name).doesNotContain("Promotor");

		MockHttpServletResponse imported = mvc.perform(multipart("/asesoria/costos/{u}/cargos/importar", SAN_IGNACIO_CHIRINOS)
			.file(csv("cargo;costo mensual\nPromotor;1,800.00\nChofer;1200\n")).with(csrf()).with(authentication(advisor)))
			.andReturn().getResponse();
		assertThat(imported.getStatus()).isEqualTo(302);
		assertThat(costings.positions(SAN_IGNACIO_CHIRINOS)).extracting(p -> p.name() + " " + p.monthlyCost())
			.contains("Promotor 1800.00", "Chofer 1200.00");
	}

	@Test
	void theLicenceIsCostedOnItsPageAndItsFeeFoundAboveTheCost() throws Exception {
		Authentication advisor = advisor();
		position(advisor, SAN_IGNACIO_CHIRINOS, "Técnico de Mesa de Partes", "2160"); // 0.15 a minute
		position(advisor, SAN_IGNACIO_CHIRINOS, "Gerente", "7200.00"); // 0.50 a minute

		String prefilled = page(advisor, SAN_IGNACIO_CHIRINOS);
		assertThat(prefilled).contains("Recepción y registro de la solicitud", "Revisar requisitos",
				"Clasificar el nivel de riesgo", "Inspección técnica de seguridad (ITSE)", "Resolver la solicitud",
				"Notificación de la resolución", "Este costeo aún no se ha guardado");
		assertThat(prefilled).as("what the law says of the licence's requirements")
			.contains("Vigencia de poder del representante legal", "La municipalidad lo obtiene: pida solo el dato");

		MockHttpServletResponse saved = mvc.perform(costing(advisor, SAN_IGNACIO_CHIRINOS, "20", "").param("materials[0].description", "Papel bond A4")
			.param("materials[0].unitCost", "0.03").param("materials[0].quantity", "10")).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);

		// the clerk's 10 + 20 + 15 + 60 + 8 = 113 min × 0.15 = 16.95; the manager's 12 min × 0.50 = 6.00;
		// paper 0.03 × 10 = 0.30; total 23.25 against the TUPA's S/ 120.50: 97.25 above
		String sheet = page(advisor, SAN_IGNACIO_CHIRINOS);
		assertThat(sheet).contains("S/ 23.25 por expediente", "Excede el costo", "supera en S/ 97.25");
		assertThat(sheet).doesNotContain("Este costeo aún no se ha guardado");
		assertThat(costings.costs(SAN_IGNACIO_CHIRINOS, List.of(catalog.get("licencia-funcionamiento"))))
			.containsEntry("licencia-funcionamiento", new BigDecimal("23.25"));
		assertThat(mvc.perform(get("/asesoria/costos/{u}", SAN_IGNACIO_CHIRINOS).with(authentication(advisor)))
			.andReturn().getResponse().getContentAsString()).contains("S/ 23.25", "Excede el costo");
	}

	@Test
	void minutesThatDoNotReadOrDifferFromTheMeasuredWithoutAReasonAreRefusedAndNothingIsSaved() throws Exception {
		Authentication advisor = advisor(LA_COIPA);
		position(advisor, LA_COIPA, "Técnico de Mesa de Partes", "2160");
		position(advisor, LA_COIPA, "Gerente", "7200");

		MockHttpServletResponse unread = mvc.perform(costing(advisor, LA_COIPA, "veinte", "")).andReturn().getResponse();
		assertThat(unread.getStatus()).isEqualTo(422);
		assertThat(unread.getContentAsString()).contains("No se guardó el costeo",
				"«Revisar requisitos»: los minutos deben ser un número de 0 a 100,000.", "value=\"veinte\"");

		MockHttpServletResponse noReason = mvc.perform(costing(advisor, LA_COIPA, "20", "5")).andReturn().getResponse();
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString()).contains("«Revisar requisitos»: usa otros minutos que los medidos; diga por qué.");
		assertThat(page(advisor, LA_COIPA)).as("nothing saved").contains("Este costeo aún no se ha guardado");
	}

	@Test
	void anAdvisorReachesOnlyTheirMunicipalitiesAndOnlyAdvisorsReachTheWorkbench() throws Exception {
		Authentication advisor = advisor();
		assertThat(status(get("/asesoria/costos/060101/licencia-funcionamiento").with(authentication(advisor)))).isEqualTo(404);
		assertThat(status(get("/asesoria/costos/060101").with(authentication(advisor)))).isEqualTo(404);
		assertThat(status(post("/asesoria/costos/060101/cargos").param("cargo", "Intruso").param("costo", "1")
			.with(csrf()).with(authentication(advisor)))).isEqualTo(404);
		assertThat(costings.positions("060101")).extracting(Position::name).doesNotContain("Intruso");
		assertThat(mvc.perform(get("/asesoria/costos").with(authentication(advisor))).andReturn().getResponse()
			.getContentAsString()).contains("/asesoria/costos/" + SAN_IGNACIO_CHIRINOS).doesNotContain("/asesoria/costos/060101");
		Authentication clerk = staff.login("mesa-de-partes", SAN_IGNACIO_CHIRINOS);
		assertThat(status(get("/asesoria/costos/" + SAN_IGNACIO_CHIRINOS).with(authentication(clerk)))).isEqualTo(403);
		assertThat(status(post("/asesoria/costos/{u}/cargos", SAN_IGNACIO_CHIRINOS).param("cargo", "Sin CSRF")
			.param("costo", "100").with(authentication(advisor)))).isEqualTo(403);
	}

	@Test
	void theRegionShowsEveryMunicipalityOnTheMapAndInTheTable() throws Exception {
		MockHttpServletResponse region = mvc.perform(get("/asesoria/costos/region/licencia-funcionamiento")
			.with(authentication(advisor()))).andReturn().getResponse();
		assertThat(region.getStatus()).isEqualTo(200);
		String page = region.getContentAsString();
		assertThat(page.split("<path ", -1)).as("a path per district").hasSize(128);
		assertThat(page.split("<tr data-ubigeo=", -1)).as("a row per municipality").hasSize(128);
	}

	/** The licence's six activities: everybody's minutes, with the review's as given (and its measured minutes). */
	private MockHttpServletRequestBuilder costing(Authentication advisor, String ubigeo, String reviewMinutes,
			String reviewMeasured) {
		String[][] activities = { { "Recepción y registro de la solicitud", "Técnico de Mesa de Partes", "10", "" },
				{ "Revisar requisitos", "Técnico de Mesa de Partes", reviewMinutes, reviewMeasured },
				{ "Clasificar el nivel de riesgo", "Técnico de Mesa de Partes", "15", "" },
				{ "Inspección técnica de seguridad (ITSE)", "Técnico de Mesa de Partes", "60", "" },
				{ "Resolver la solicitud", "Gerente", "12", "" },
				{ "Notificación de la resolución", "Técnico de Mesa de Partes", "8", "" } };
		MockHttpServletRequestBuilder request = post(page(ubigeo)).with(csrf()).with(authentication(advisor))
			.param("minutesPerMonth", "14400");
		for (int i = 0; i < activities.length; i++) {
			request.param("activities[" + i + "].name", activities[i][0])
				.param("activities[" + i + "].position", activities[i][1])
				.param("activities[" + i + "].minutes", activities[i][2])
				.param("activities[" + i + "].measured", activities[i][3]);
		}
		return request;
	}

	private void position(Authentication advisor, String ubigeo, String name, String cost) throws Exception {
		assertThat(status(post("/asesoria/costos/{u}/cargos", ubigeo).param("cargo", name)
			.param("costo", cost).with(csrf()).with(authentication(advisor)))).isEqualTo(302);
	}

	private String page(Authentication advisor, String ubigeo) throws Exception {
		return mvc.perform(get(page(ubigeo)).with(authentication(advisor))).andReturn().getResponse()
			.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private Authentication advisor() {
		return advisor(SAN_IGNACIO_CHIRINOS);
	}

	private Authentication advisor(String ubigeo) {
		return staff.loginAs(staff.create("t.asesor." + ubigeo, Offices.ASESOR, ubigeo));
	}

	private static String page(String ubigeo) {
		return "/asesoria/costos/" + ubigeo + "/licencia-funcionamiento";
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("archivo", "cargos.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
