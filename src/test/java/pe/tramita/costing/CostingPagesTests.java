package pe.tramita.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
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

	@Autowired
	RepositoryService repositoryService;

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

		// a hostile file: binary bytes, and one larger than any personnel office's export
		byte[] binary = new byte[4096];
		new Random(7).nextBytes(binary);
		MockHttpServletResponse garbage = mvc.perform(multipart("/asesoria/costos/{u}/cargos/importar", SAN_IGNACIO_CHIRINOS)
			.file(new MockMultipartFile("archivo", "cargos.csv", "text/csv", binary)).with(csrf())
			.with(authentication(advisor))).andReturn().getResponse();
		assertThat(garbage.getStatus()).isEqualTo(422);
		assertThat(garbage.getContentAsString()).contains("No se importó ningún cargo");
		MockHttpServletResponse huge = mvc.perform(multipart("/asesoria/costos/{u}/cargos/importar", SAN_IGNACIO_CHIRINOS)
			.file(csv("Chofer;1200\n".repeat(30_000))).with(csrf()).with(authentication(advisor))).andReturn()
			.getResponse();
		assertThat(huge.getStatus()).isEqualTo(422);
		assertThat(huge.getContentAsString()).contains("El archivo pasa de 256 KB.");
		assertThat(costings.positions(SAN_IGNACIO_CHIRINOS)).extracting(Position::name).doesNotContain("Chofer");

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
		assertThat(status(get("/asesoria/costos/060101/licencia-funcionamiento/comparar").with(authentication(advisor))))
			.isEqualTo(404);
		assertThat(status(get("/asesoria/costos/060101/licencia-funcionamiento/informe.pdf")
			.with(authentication(advisor)))).isEqualTo(404);
		assertThat(status(multipart("/asesoria/costos/060101/cargos/importar").file(csv("Intruso;100\n")).with(csrf())
			.with(authentication(advisor)))).isEqualTo(404);
		assertThat(costings.positions("060101")).extracting(Position::name).doesNotContain("Intruso");
		Authentication clerk = staff.login("mesa-de-partes", SAN_IGNACIO_CHIRINOS);
		assertThat(status(get("/asesoria/costos/" + SAN_IGNACIO_CHIRINOS).with(authentication(clerk)))).isEqualTo(403);
		assertThat(status(get("/asesoria/costos/region/licencia-funcionamiento").with(authentication(clerk))))
			.isEqualTo(403);
		assertThat(status(get("/asesoria/costos/region/licencia-funcionamiento"))).as("no login").isEqualTo(302);
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

	@Test
	void beforeAndAfterSetTwoModelVersionsSideBySide() throws Exception {
		String namballe = "060905";
		String xml = new String(new ClassPathResource("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn")
			.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		deploy(namballe, xml);
		// the redesign: Mesa de Partes classifies the risk itself, one office fewer on the way
		deploy(namballe, xml.replace("camunda:candidateGroups=\"licencias\"", "camunda:candidateGroups=\"mesa-de-partes\""));
		Authentication advisor = advisor(namballe);
		costings.savePosition(namballe, new Position("Técnico", new BigDecimal("2160")), "test");
		save(namballe, 1, "30"); // 6 activities: 5 × 10 + 30 = 80 min × 0.15 = 12.00
		save(namballe, 2, "10"); // 60 min × 0.15 = 9.00

		String page = mvc.perform(get("/asesoria/costos/{u}/licencia-funcionamiento/comparar", namballe)
			.with(authentication(advisor))).andReturn().getResponse().getContentAsString();
		assertThat(row(page, "medida-handOffs")).contains(">4<", ">3<", ">-1<");
		assertThat(row(page, "medida-steps")).contains(">4<", ">0<");
		assertThat(row(page, "medida-cost")).contains("S/ 12.00", "S/ 9.00", "S/ -3.00");
		assertThat(page).contains("id=\"barras\"", "class=\"bar-after\"");
		assertThat(status(get("/asesoria/costos/{u}/licencia-funcionamiento/comparar", namballe).param("de", "9")
			.with(authentication(advisor)))).isEqualTo(404);

		MockHttpServletResponse report = mvc.perform(get("/asesoria/costos/{u}/licencia-funcionamiento/informe.pdf",
				namballe).with(authentication(advisor))).andReturn().getResponse();
		assertThat(report.getContentType()).isEqualTo("application/pdf");
		// beside the browser tests' screenshots, for a person to look at
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/k3-informe-simplificacion.pdf"), report.getContentAsByteArray());
		try (PDDocument pdf = Loader.loadPDF(report.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Informe de simplificación — Licencia de Funcionamiento",
					"Cambios de oficina entre pasos: 4 → 3 (-1)", "Costo por expediente: S/ 12.00 → S/ 9.00 (S/ -3.00)",
					"Hoja de costos de la versión 2", "S/ 9.00 por expediente", "Excede el costo",
					"Vigencia de poder", "D.S. 064-2010-PCM", "D.Leg. 1246");
			assertThat(pdf.getSignatureDictionaries()).as("signed by the municipality").hasSize(1);
			assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
				.as("PDF/A-2b").contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>");
		}
	}

	private void deploy(String ubigeo, String xml) {
		repositoryService.createDeployment().tenantId(ubigeo).name("redesign")
			.addString("licencia-funcionamiento.bpmn", xml).deploy();
	}

	private void save(String ubigeo, int version, String reviewMinutes) {
		List<CostingInputs.ActivityInput> activities = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			activities.add(new CostingInputs.ActivityInput("Actividad " + i, "Técnico", BigDecimal.TEN, null, null));
		}
		activities.add(new CostingInputs.ActivityInput("Revisar", "Técnico", new BigDecimal(reviewMinutes), null, null));
		assertThat(costings.save(ubigeo, "licencia-funcionamiento", version, new CostingInputs(CostSheet.DEFAULT_MINUTES_PER_MONTH,
				activities, List.of(), List.of(), List.of(), null), "test")).isEmpty();
	}

	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		return page.substring(start, page.indexOf("</tr>", start));
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
