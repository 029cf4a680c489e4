package pe.tramita.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * A proposal El Prado's participatory budget prioritized becomes a project; two minor purchases run in Tramita (one
 * paid, one only certified) and a contract from the national system are tied to it. Every figure was worked out by
 * hand; the public page, its CSV and its JSON show what the staff page shows, with no personal data; bad input is
 * refused with its reason and saves nothing; no other municipality's staff reaches the project.
 */
@TramitaTest
class InvestmentProjectTests {

	static final String EL_PRADO = "061105";

	static final String LLAPA = "061107";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	Applications applications;

	@Autowired
	CaseSteps steps;

	@Autowired
	Expedientes expedientes;

	@Autowired
	ProcedureCatalog catalog;

	@Autowired
	LegalClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Documents documents;

	@Test
	void aPrioritizedProposalIsFollowedFromItsProjectToTheSolesPaidInPublic() throws Exception {
		Filing proposal = applications.fileProposal(EL_PRADO);
		steps.complete(proposal, "verifyAgent", Map.of("agenteInscrito", true));
		steps.complete(proposal, "evaluateProject", Map.of("viable", true, "costoEvaluado", 195000L, "fundamento",
				"Viable: expediente técnico con costos de mercado."));
		steps.complete(proposal, "recordPrioritization", Map.of("priorizado", true, "puesto", 3L, "fundamento",
				"Taller de priorización del 12 de marzo."));
		Authentication planning = staff.login("planeamiento", EL_PRADO);

		String prefilled = page("/bandeja/proyectos?expediente=" + proposal.caseNumber(), planning);
		assertThat(prefilled).contains("value=\"Mejoramiento del pasaje peatonal Los Pinos\"", "value=\"195000.00\"",
				"value=\"" + proposal.caseNumber() + "\"");

		// a budget that does not read and an end before the start: both said, nothing saved
		LocalDate today = clock.today();
		MockHttpServletResponse refused = mvc.perform(register(planning, proposal.caseNumber(), "ciento mil",
				today.minusMonths(2), today.minusMonths(3))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("El presupuesto debe ser un monto en soles",
				"el fin no puede ser anterior al inicio");
		assertThat(projectsOf(EL_PRADO)).isZero();

		// planned to end ten days ago: late by ten days while unpaid
		MockHttpServletResponse saved = mvc.perform(register(planning, proposal.caseNumber(), "195,000.00",
				today.minusMonths(3), today.minusDays(10))).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		String project = saved.getRedirectedUrl();
		assertThat(mvc.perform(register(planning, proposal.caseNumber(), "1000", today, today)).andReturn().getResponse()
			.getContentAsString()).as("a proposal becomes one project").contains("ya es un proyecto");

		// a purchase paid (S/ 2,280), one only certified (S/ 30,000), a contract from SEACE (S/ 150,000, contracted)
		Filing paid = purchase(2400, "Cemento Portland tipo I, 48 bolsas");
		steps.complete(paid, "marketSurvey", Map.of("cotizaciones", 3L, "proveedor", "Ferretería El Prado E.I.R.L.",
				"montoCotizado", 2280L));
		steps.complete(paid, "certifyBudget", Map.of("certificado", true, "numeroCertificacion", "CCP-0101"));
		steps.complete(paid, "issuePurchaseOrder", Map.of("numeroOrden", "OC-2026-0007"));
		steps.complete(paid, "confirmDelivery", Map.of("conforme", true));
		steps.complete(paid, "pay", Map.of("comprobantePago", "CP-2026-0031"));
		Filing certified = purchase(31000, "Adoquines de concreto, 2,000 unidades");
		steps.complete(certified, "marketSurvey", Map.of("cotizaciones", 3L, "proveedor", "Prefabricados Norte S.A.C.",
				"montoCotizado", 30000L));
		steps.complete(certified, "certifyBudget", Map.of("certificado", true, "numeroCertificacion", "CCP-0102"));
		for (Filing purchase : new Filing[] { paid, certified }) {
			assertThat(mvc.perform(post(project + "/contrataciones").param("expediente", purchase.caseNumber())
				.with(csrf()).with(authentication(planning))).andReturn().getResponse().getStatus()).isEqualTo(302);
		}
		assertThat(mvc.perform(post(project + "/contrataciones").param("expediente", paid.caseNumber()).with(csrf())
			.with(authentication(planning))).andReturn().getResponse().getContentAsString())
			.contains("ya está vinculada");
		Filing elsewhere = expedientes.startInternal(LLAPA, catalog.get("contratacion-menor"), "Abastecimiento Llapa",
				Map.of("oficinaSolicitante", "obras-privadas", "descripcion", "Arena gruesa", "especificaciones",
						"Arena gruesa para concreto, 20 m³.", "cantidad", "20", "valorEstimado", "1500")).filing();
		MockHttpServletResponse foreign = mvc.perform(post(project + "/contrataciones")
			.param("expediente", elsewhere.caseNumber()).with(csrf()).with(authentication(planning))).andReturn()
			.getResponse();
		assertThat(foreign.getStatus()).isEqualTo(422);
		assertThat(foreign.getContentAsString()).contains("no es una contratación menor de esta municipalidad");
		MockHttpServletResponse skipped = mvc.perform(external(planning, project, today.minusDays(40), null,
				today.minusDays(5))).andReturn().getResponse();
		assertThat(skipped.getStatus()).as("paid without a contract or conformity").isEqualTo(422);
		assertThat(skipped.getContentAsString()).contains("sin saltar ninguna");
		assertThat(mvc.perform(external(planning, project, today.minusDays(40), today.minusDays(30), null)).andReturn()
			.getResponse().getStatus()).isEqualTo(302);

		// certified 2,280 + 30,000 + 150,000 = 182,280.00; committed 2,280 + 150,000 = 152,280.00; paid 2,280.00;
		// executed 2,280 / 195,000 = 0.0117 (1.2 %); not all paid: under way, 10 days late
		String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		String staffPage = page(project, planning);
		for (String page : new String[] { staffPage, mvc.perform(get("/m/" + EL_PRADO + "/inversiones")).andReturn()
			.getResponse().getContentAsString() }) {
			assertThat(row(page, "proyecto-PI-" + today.minusMonths(3).getYear() + "-001")).contains(
					"Mejoramiento del pasaje peatonal Los Pinos", "Canon minero", "S/ 195,000.00", "S/ 182,280.00",
					"S/ 152,280.00", "S/ 2,280.00", "1.2 %", "En ejecución", "10 días de retraso");
			assertThat(page).contains(paid.caseNumber(), certified.caseNumber(), "LP-SM-3-2026-MDEP-1",
					"Cemento Portland tipo I, 48 bolsas", day, "puesto 3");
		}
		assertThat(staffPage).as("what each case waits for").contains("Emitir la orden de compra");
		String published = mvc.perform(get("/m/" + EL_PRADO + "/inversiones")).andReturn().getResponse()
			.getContentAsString();
		assertThat(published).as("no personal data").doesNotContain("Juana Quispe", "45678912", "Ferretería El Prado");

		String code = "PI-" + today.minusMonths(3).getYear() + "-001";
		String csv = mvc.perform(get("/m/" + EL_PRADO + "/inversiones.csv")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines()).containsExactly(
				"\uFEFFcodigo,nombre,fuente,anio,presupuesto,certificado,comprometido,pagado,ejecucion,estado,"
						+ "inicio_previsto,fin_previsto,dias_de_retraso,oficina_responsable,expediente_origen,"
						+ "puesto_prioridad,contrataciones",
				"\"" + code + "\",\"Mejoramiento del pasaje peatonal Los Pinos\",\"CANON_MINERO\","
						+ today.minusMonths(3).getYear() + ",195000.00,182280.00,152280.00,2280.00,0.0117,"
						+ "\"EN_EJECUCION\",\"" + today.minusMonths(3) + "\",\"" + today.minusDays(10) + "\",10,"
						+ "\"obras-privadas\",\"" + proposal.caseNumber() + "\",3,3");
		mvc.perform(get("/m/" + EL_PRADO + "/inversiones.json"))
			.andExpect(jsonPath("$.esquema").value("tramita-inversiones/1"))
			.andExpect(jsonPath("$.proyectos[0].codigo").value(code))
			.andExpect(jsonPath("$.proyectos[0].certificado").value(182280.00))
			.andExpect(jsonPath("$.proyectos[0].pagado").value(2280.00))
			.andExpect(jsonPath("$.proyectos[0].dias_de_retraso").value(10))
			.andExpect(jsonPath("$.proyectos[0].contrataciones[0].referencia").value(paid.caseNumber()))
			.andExpect(jsonPath("$.proyectos[0].contrataciones[0].pagado_el").value(today.toString()))
			.andExpect(jsonPath("$.proyectos[0].contrataciones[1].comprometido_el").doesNotExist())
			.andExpect(jsonPath("$.proyectos[0].contrataciones[2].monto").value(150000.00));

		// the region: El Prado paid 1.2 % of its projects' budget, the lowest class on the map; every district drawn
		String region = mvc.perform(get("/inversiones")).andReturn().getResponse().getContentAsString();
		assertThat(region.split("<path ", -1)).as("a path per district").hasSize(128);
		assertThat(region.split("<tr data-ubigeo=", -1)).as("a row per municipality").hasSize(128);
		assertThat(region).contains("data-ubigeo=\"" + EL_PRADO + "\" class=\"shade-1\"");
		assertThat(row(region.replace("data-ubigeo=\"" + EL_PRADO + "\">", "id=\"el-prado\">"), "el-prado"))
			.contains("S/ 195,000.00", "S/ 182,280.00", "S/ 2,280.00", "1.2 %");

		// the second purchase ordered, received and paid: committed 182,280.00, paid 2,280 + 30,000 = 32,280.00,
		// executed 32,280 / 195,000 = 0.1655; the SEACE contract is still unpaid, so the project is under way
		steps.complete(certified, "issuePurchaseOrder", Map.of("numeroOrden", "OC-2026-0008"));
		steps.complete(certified, "confirmDelivery", Map.of("conforme", true));
		steps.complete(certified, "pay", Map.of("comprobantePago", "CP-2026-0032"));
		assertThat(mvc.perform(get("/m/" + EL_PRADO + "/inversiones.csv")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8).lines().toList().get(1))
			.contains(",195000.00,182280.00,182280.00,32280.00,0.1655,\"EN_EJECUCION\",");
		assertThat(row(page(project, planning), "proyecto-" + code)).contains("S/ 32,280.00", "En ejecución");

		// the conformity's act, attached to the paid purchase, is public only once the office publishes it
		byte[] pdf = SampleFiles.pdf();
		long act = documents.store(applications.caseId(paid), EL_PRADO, new UploadedFile("conformidad",
				"acta-conformidad.pdf", FileKind.PDF, pdf, Documents.sha256(pdf)), Instant.now(), "t.obras").id();
		long foreignDocument = documents.store(applications.caseId(elsewhere), LLAPA, new UploadedFile("conformidad",
				"acta-llapa.pdf", FileKind.PDF, pdf, Documents.sha256(pdf)), Instant.now(), "t.obras").id();
		String download = "/m/" + EL_PRADO + "/inversiones/" + code + "/documentos/" + act;
		assertThat(status(get(download))).as("not published yet").isEqualTo(404);
		assertThat(page(project, planning)).contains("acta-conformidad.pdf", "Publicar en la página pública");
		assertThat(status(post(project + "/documentos/" + foreignDocument + "/publicar").with(csrf())
			.with(authentication(planning)))).as("a document of a case not tied to the project").isEqualTo(404);
		assertThat(status(post(project + "/documentos/" + act + "/publicar").with(csrf())
			.with(authentication(staff.login("planeamiento", LLAPA))))).as("another municipality's staff").isEqualTo(404);
		assertThat(status(post(project + "/documentos/" + act + "/publicar").with(csrf())
			.with(authentication(planning)))).isEqualTo(302);
		MockHttpServletResponse served = mvc.perform(get(download)).andReturn().getResponse();
		assertThat(served.getStatus()).isEqualTo(200);
		assertThat(new String(served.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(served.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(mvc.perform(get("/m/" + EL_PRADO + "/inversiones")).andReturn().getResponse().getContentAsString())
			.contains("acta-conformidad.pdf").doesNotContain("acta-llapa.pdf");
		assertThat(status(get("/m/" + LLAPA + "/inversiones/" + code + "/documentos/" + act)))
			.as("under another municipality").isEqualTo(404);
	}

	@Test
	void noOtherMunicipalitysStaffReachesAProjectAndOnlyPlanningChangesOne() throws Exception {
		Authentication planning = staff.login("planeamiento", LLAPA);
		LocalDate today = clock.today();
		MockHttpServletResponse saved = mvc.perform(post("/bandeja/proyectos").param("municipio", LLAPA)
			.param("name", "Reservorio de agua Llapa").param("source", "FONCOMUN").param("budget", "80000")
			.param("plannedStart", today.toString()).param("plannedEnd", today.plusMonths(6).toString())
			.param("office", "obras-privadas").with(csrf()).with(authentication(planning))).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		String project = saved.getRedirectedUrl();
		int before = projectsOf(LLAPA);

		Authentication outsider = staff.login("planeamiento", EL_PRADO);
		assertThat(status(get(project).with(authentication(outsider)))).isEqualTo(404);
		assertThat(status(get("/bandeja/proyectos").param("municipio", LLAPA).with(authentication(outsider))))
			.isEqualTo(404);
		assertThat(status(post(project + "/externas").param("reference", "X").param("description", "Intruso")
			.param("amount", "10").with(csrf()).with(authentication(outsider)))).isEqualTo(404);
		assertThat(status(post("/bandeja/proyectos").param("municipio", LLAPA).param("name", "Intruso")
			.param("source", "FONCOMUN").param("budget", "1").param("plannedStart", today.toString())
			.param("plannedEnd", today.toString()).param("office", "gerencia").with(csrf())
			.with(authentication(outsider)))).isEqualTo(404);
		Authentication clerk = staff.login("mesa-de-partes", LLAPA);
		assertThat(status(get(project).with(authentication(clerk)))).as("staff of Llapa read it").isEqualTo(200);
		assertThat(status(post(project + "/contrataciones").param("expediente", "x").with(csrf())
			.with(authentication(clerk)))).as("a clerk does not change it").isEqualTo(403);
		assertThat(status(get(project))).as("no login").isEqualTo(302);
		assertThat(status(post(project + "/externas").param("reference", "SEACE-1").param("description", "Sin CSRF")
			.param("amount", "10").with(authentication(planning)))).isEqualTo(403);
		assertThat(status(get("/m/999999/inversiones"))).isEqualTo(404);
		assertThat(projectsOf(LLAPA)).isEqualTo(before);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM tramita.project_procurement c JOIN tramita.investment_project p ON p.id = c.project_id
				WHERE p.ubigeo = ?""", Integer.class, LLAPA)).as("nothing recorded by the refused requests").isZero();
	}

	@Test
	void theOfficialExecutionIsImportedAllOrNothingAndShownBesideTheProjectsMonthByMonth() throws Exception {
		String nanchoc = "061108";
		int year = clock.today().getYear() - 1;
		Authentication planning = staff.login("planeamiento", nanchoc);
		String project = mvc.perform(post("/bandeja/proyectos").param("municipio", nanchoc)
			.param("name", "Canal de riego Nanchoc").param("source", "CANON_MINERO").param("budget", "100000")
			.param("plannedStart", year + "-01-10").param("plannedEnd", year + "-12-20").param("office", "obras-privadas")
			.with(csrf()).with(authentication(planning))).andReturn().getResponse().getRedirectedUrl();
		// S/ 40,000: certified in January, contracted in February, conforming and paid in March
		assertThat(mvc.perform(post(project + "/externas").param("reference", "AS-SM-1-" + year + "-MDN-1")
			.param("description", "Obra: canal de riego").param("amount", "40000").param("certifiedOn", year + "-01-15")
			.param("committedOn", year + "-02-10").param("conformityOn", year + "-03-01").param("paidOn", year + "-03-05")
			.with(csrf()).with(authentication(planning))).andReturn().getResponse().getStatus()).isEqualTo(302);

		Authentication admin = staff.login(pe.tramita.security.Offices.ADMIN, nanchoc);
		MockHttpServletResponse refused = mvc.perform(execution(admin, nanchoc, year, """
				mes;presupuesto;certificado;comprometido;pagado
				1;500,000.00;100000;50000;0
				2;500000;doscientos;100000;20000
				3;500000;150000;200000;50000
				""")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Línea 3: el mes debe ser de 1 a 12",
				"Línea 4: lo comprometido no puede pasar de lo certificado");
		assertThat(executionRows(nanchoc)).as("all or nothing").isZero();
		assertThat(mvc.perform(execution(planning, nanchoc, year, "1;1;1;1;1")).andReturn().getResponse().getStatus())
			.as("administrators only").isEqualTo(403);
		// hostile files: random bytes, and one larger than any month-by-month export
		byte[] garbage = new byte[4096];
		new java.util.Random(11).nextBytes(garbage);
		for (byte[] hostile : new byte[][] { garbage, "1;1;1;1;1\n".repeat(8_000).getBytes(StandardCharsets.UTF_8) }) {
			MockHttpServletResponse answer = mvc.perform(multipart("/bandeja/proyectos/ejecucion")
				.file(new MockMultipartFile("archivo", "ejecucion.csv", "text/csv", hostile)).param("municipio", nanchoc)
				.param("anio", String.valueOf(year)).with(csrf()).with(authentication(admin))).andReturn().getResponse();
			assertThat(answer.getStatus()).isEqualTo(422);
			assertThat(answer.getContentAsString()).contains("No se importó nada");
		}
		assertThat(executionRows(nanchoc)).isZero();
		assertThat(mvc.perform(execution(staff.login("planeamiento", EL_PRADO), nanchoc, year, "1;1;1;1;1"))
			.andReturn().getResponse().getStatus()).as("staff of another municipality").isEqualTo(404);

		assertThat(mvc.perform(execution(admin, nanchoc, year, """
				mes;presupuesto;certificado;comprometido;pagado
				1;500,000.00;100000;50000;0
				2;500000;180000;120000;20000
				3;520000;250000;200000;90000
				""")).andReturn().getResponse().getStatus()).isEqualTo(302);
		// March: SIAF 90,000 / 520,000 = 17.3 %; the project's 40,000 certified, contracted and paid of 100,000 = 40 %
		// January: SIAF 0 paid; the project's 40,000 certified only
		for (String page : new String[] { page("/bandeja/proyectos?municipio=" + nanchoc + "&anio=" + year, planning),
				mvc.perform(get("/m/" + nanchoc + "/inversiones").param("anio", String.valueOf(year))).andReturn()
					.getResponse().getContentAsString() }) {
			assertThat(row(page, "mes-3")).contains("S/ 520,000.00", "S/ 90,000.00", "17.3 %", "S/ 100,000.00",
					"S/ 40,000.00", "40.0 %");
			assertThat(row(page, "mes-1")).contains("S/ 500,000.00", "0.0 %", "S/ 40,000.00", "S/ 0.00");
			assertThat(row(page, "mes-12")).contains("—", "S/ 40,000.00", "40.0 %");
		}
		// a month imported again is replaced
		assertThat(mvc.perform(execution(admin, nanchoc, year, "3;520000;250000;200000;104000")).andReturn()
			.getResponse().getStatus()).isEqualTo(302);
		assertThat(executionRows(nanchoc)).isEqualTo(3);
		assertThat(row(page("/bandeja/proyectos?municipio=" + nanchoc + "&anio=" + year, planning), "mes-3"))
			.contains("S/ 104,000.00", "20.0 %");
	}

	private MockHttpServletRequestBuilder execution(Authentication who, String ubigeo, int year, String file) {
		return multipart("/bandeja/proyectos/ejecucion").file(new MockMultipartFile("archivo", "ejecucion.csv",
				"text/csv", file.getBytes(StandardCharsets.UTF_8))).param("municipio", ubigeo)
			.param("anio", String.valueOf(year)).with(csrf()).with(authentication(who));
	}

	private int executionRows(String ubigeo) {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.budget_execution WHERE ubigeo = ?", Integer.class,
				ubigeo);
	}

	private Filing purchase(long value, String description) {
		return expedientes.startInternal(EL_PRADO, catalog.get("contratacion-menor"), "Obras El Prado",
				Map.of("oficinaSolicitante", "obras-privadas", "descripcion", description, "especificaciones",
						"Según el expediente técnico del pasaje Los Pinos.", "cantidad", "1", "valorEstimado",
						String.valueOf(value))).filing();
	}

	private MockHttpServletRequestBuilder register(Authentication staff, String origin, String budget, LocalDate start,
			LocalDate end) {
		return post("/bandeja/proyectos").param("municipio", EL_PRADO).param("originCase", origin)
			.param("name", "Mejoramiento del pasaje peatonal Los Pinos").param("source", "CANON_MINERO")
			.param("budget", budget).param("plannedStart", start.toString()).param("plannedEnd", end.toString())
			.param("office", "obras-privadas").with(csrf()).with(authentication(staff));
	}

	private MockHttpServletRequestBuilder external(Authentication staff, String project, LocalDate certified,
			LocalDate committed, LocalDate paid) {
		return post(project + "/externas").param("reference", "LP-SM-3-2026-MDEP-1")
			.param("description", "Obra: pavimentación del pasaje Los Pinos").param("amount", "150,000.00")
			.param("certifiedOn", text(certified)).param("committedOn", text(committed)).param("conformityOn", "")
			.param("paidOn", text(paid)).with(csrf()).with(authentication(staff));
	}

	private static String text(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	private String page(String path, Authentication login) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(authentication(login))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private int projectsOf(String ubigeo) {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.investment_project WHERE ubigeo = ?", Integer.class,
				ubigeo);
	}

	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
