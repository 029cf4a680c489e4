package pe.tramita.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static pe.tramita.support.CaseClock.at;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.costing.CostSheet.Position;
import pe.tramita.costing.CostingInputs.ActivityInput;
import pe.tramita.modeling.ModelDrafts;
import pe.tramita.request.Filing;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.CaseClock;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * Three licence cases of Calquis (one of high risk, inspected) worked at known instants in November 2026 on the municipality's own version of the
 * model, costed by hand; then a draft that moves the risk classification to a new Mesa de Partes step. The draft's
 * page predicts its cost and time from what it keeps; once deployed, the model comparison shows the same figures
 * for the municipality, and to no advisor of another one. Every expected figure was worked out by hand.
 */
@TramitaTest
class DraftBeforeAfterTests {

	static final String CALQUIS = "061103";

	static final String KEY = "licencia-funcionamiento";

	@Autowired
	CaseClock caseClock;

	@Autowired
	Staff staff;

	@Autowired
	Costings costings;

	@Autowired
	ModelDrafts drafts;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void aDraftIsPredictedFromTheStepsItKeepsAndComparedOnceDeployed() throws Exception {
		String shipped = new String(new ClassPathResource("processes/" + KEY + "/" + KEY + ".bpmn").getInputStream()
			.readAllBytes(), StandardCharsets.UTF_8);
		repositoryService.createDeployment().tenantId(CALQUIS).name("Calquis").addString(KEY + ".bpmn", shipped).deploy();
		StaffUser mesa = staff.person("mesa", "mesa-de-partes", CALQUIS);
		StaffUser licencias = staff.person("lic", "licencias", CALQUIS);
		StaffUser gerente = staff.person("ger", Offices.GERENCIA, CALQUIS);
		Map<String, String> complete = Map.of("requisitosCompletos", "true");
		Map<String, String> low = Map.of("nivelRiesgo", "BAJO");
		Map<String, String> approve = Map.of("aprobado", "true", "fundamento", "Cumple los requisitos del TUPA.");
		// A: review Mon 02/11 → Tue 03/11 (1 business day), classify Tue → Thu 05/11 (2), decide Thu → Fri 06/11 (1)
		Filing a = caseClock.fileLicence(CALQUIS, at(2026, 11, 2, 9, 0));
		caseClock.step(a, "reviewRequirements", mesa, at(2026, 11, 2, 10, 0), at(2026, 11, 3, 10, 0), complete);
		caseClock.step(a, "classifyRisk", licencias, at(2026, 11, 5, 9, 0), at(2026, 11, 5, 11, 0), low);
		caseClock.step(a, "decideLicence", gerente, at(2026, 11, 6, 9, 0), at(2026, 11, 6, 10, 0), approve);
		// B: review Mon 09/11 the same day (0), classify Mon → Wed 11/11 (2), decide Wed → Fri 13/11 (2)
		Filing b = caseClock.fileLicence(CALQUIS, at(2026, 11, 9, 9, 0));
		caseClock.step(b, "reviewRequirements", mesa, at(2026, 11, 9, 9, 30), at(2026, 11, 9, 11, 0), complete);
		caseClock.step(b, "classifyRisk", licencias, at(2026, 11, 9, 14, 0), at(2026, 11, 11, 10, 0), low);
		caseClock.step(b, "decideLicence", gerente, at(2026, 11, 12, 9, 0), at(2026, 11, 13, 10, 0), approve);
		// C, of high risk: review Mon 16/11 the same day (0), classify Mon → Tue 17/11 (1), inspection Tue → Thu 19/11
		// (2), decide Thu → Fri 20/11 (1)
		StaffUser inspector = staff.person("itse", "defensa-civil", CALQUIS);
		Filing c = caseClock.fileLicence(CALQUIS, at(2026, 11, 16, 9, 0));
		caseClock.step(c, "reviewRequirements", mesa, at(2026, 11, 16, 9, 30), at(2026, 11, 16, 10, 0), complete);
		caseClock.step(c, "classifyRisk", licencias, at(2026, 11, 16, 14, 0), at(2026, 11, 17, 10, 0),
				Map.of("nivelRiesgo", "ALTO"));
		caseClock.step(c, "inspectSafety", inspector, at(2026, 11, 18, 9, 0), at(2026, 11, 19, 12, 0),
				Map.of("itseFavorable", "true", "informeItse", "Cumple las condiciones de seguridad."));
		caseClock.step(c, "decideLicence", gerente, at(2026, 11, 20, 9, 0), at(2026, 11, 20, 10, 0), approve);
		TestTime.reset();

		// positions at 0.15, 0.30 and 0.50 a minute (14,400 minutes a month)
		costings.savePosition(CALQUIS, new Position("Técnico", new BigDecimal("2160")), "test");
		costings.savePosition(CALQUIS, new Position("Especialista", new BigDecimal("4320")), "test");
		costings.savePosition(CALQUIS, new Position("Gerente", new BigDecimal("7200")), "test");
		// Técnico 10 + 20 + 8 = 38 min × 0.15 = 5.70; Especialista 15 + 60 = 75 × 0.30 = 22.50; Gerente 12 × 0.50 = 6.00
		assertThat(costings.save(CALQUIS, KEY, 1, new CostingInputs(CostSheet.DEFAULT_MINUTES_PER_MONTH, List.of(
				new ActivityInput("Recepción y registro de la solicitud", "Técnico", new BigDecimal("10"), null, null),
				new ActivityInput("Revisar requisitos", "Técnico", new BigDecimal("20"), null, null),
				new ActivityInput("Clasificar el nivel de riesgo", "Especialista", new BigDecimal("15"), null, null),
				new ActivityInput("Inspección técnica de seguridad (ITSE)", "Especialista", new BigDecimal("60"), null, null),
				new ActivityInput("Resolver la solicitud", "Gerente", new BigDecimal("12"), null, null),
				new ActivityInput("Notificación de la resolución", "Técnico", new BigDecimal("8"), null, null)),
				List.of(), List.of(), List.of(), null), "test")).isEmpty();

		// the redesign: the risk is classified at Mesa de Partes in a new step, one office fewer on the way
		StaffUser advisor = staff.person("asesor", Offices.ASESOR, CALQUIS);
		String redesign = shipped.replace("\"classifyRisk\"", "\"classifyRiskAtDesk\"")
			.replace("name=\"Clasificar el nivel de riesgo\" camunda:candidateGroups=\"licencias\"",
					"name=\"Clasificar el riesgo en ventanilla\" camunda:candidateGroups=\"mesa-de-partes\"");
		assertThat(redesign).contains("Clasificar el riesgo en ventanilla");
		long draft = drafts.upload(KEY, "rediseno.bpmn", redesign.getBytes(StandardCharsets.UTF_8), advisor);
		Authentication login = staff.loginAs(advisor.id());

		String page = page("/asesoria/borradores/" + draft, login);
		assertThat(page).contains("id=\"antes-y-despues\"", "Calquis: la versión 1 del modelo");
		assertThat(row(page, "medida-steps")).contains(">4<", ">0<");
		assertThat(row(page, "medida-handOffs")).contains(">4<", ">3<", ">-1<");
		// the new step takes the Técnico of Mesa de Partes at zero minutes (never measured): the 15 minutes at 0.30
		// are gone, 34.20 − 4.50 = 29.70
		assertThat(row(page, "medida-cost")).contains("S/ 34.20", "S/ 29.70", "S/ -4.50");
		assertThat(row(page, "medida-fee")).contains("S/ 120.50");
		// medians: review (1, 0, 0) 0, classify (2, 2, 1) 2, decide (1, 2, 1) 1, the inspection 2 in one case of
		// three: 0 + 2 + 2/3 + 1 = 3.667; the draft keeps all but the classification: 1.667
		assertThat(row(page, "medida-predicted")).contains(">3.7<", ">1.7<", ">-2.0<");
		// the three cases took Mon → Fri, 4 business days; a draft has no cases
		assertThat(row(page, "medida-cycleTime")).contains(">4.0<", ">—<");
		assertThat(page).contains("antes: —; después: Clasificar el riesgo en ventanilla.");

		// another municipality's advisor asking for Calquis sees their own municipality, never Calquis' figures
		Authentication other = staff.loginAs(staff.person("asesor", Offices.ASESOR, "061102").id());
		String theirs = page("/asesoria/borradores/" + draft + "?municipio=" + CALQUIS, other);
		assertThat(theirs).contains("Bolívar: la versión").doesNotContain("S/ 34.20", "Calquis");

		// a decision given to Licencias keeps its 12 minutes at Licencias' position in the costing (Especialista,
		// 0.30 instead of the manager's 0.50): 34.20 − 2.40 = 31.80; given to Tesorería, which has no position there,
		// the cost is not predicted and the page says why
		String decision = "name=\"Resolver la solicitud\" camunda:candidateGroups=\"gerencia\"";
		long toLicencias = drafts.upload(KEY, "licencias.bpmn", shipped.replace(decision, decision.replace("gerencia",
				"licencias")).getBytes(StandardCharsets.UTF_8), advisor);
		assertThat(row(page("/asesoria/borradores/" + toLicencias, login), "medida-cost")).contains("S/ 34.20",
				"S/ 31.80", "S/ -2.40");
		long toTreasury = drafts.upload(KEY, "tesoreria.bpmn", shipped.replace(decision, decision.replace("gerencia",
				"tesoreria")).getBytes(StandardCharsets.UTF_8), advisor);
		String unpriced = page("/asesoria/borradores/" + toTreasury, login);
		assertThat(row(unpriced, "medida-cost")).contains("S/ 34.20", ">—<");
		assertThat(unpriced).contains("ningún cargo hace los pasos de la oficina tesoreria");

		// deployed for Calquis as its version 2, the model comparison shows the same figures there
		drafts.deploy(draft, CALQUIS, advisor);
		List<ProcessDefinition> versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(
				KEY).tenantIdIn(CALQUIS).orderByProcessDefinitionVersion().asc().list();
		assertThat(versions).hasSize(2);
		String compare = "/asesoria/comparar?de=" + versions.get(0).getId() + "&a=" + versions.get(1).getId();
		String compared = page(compare, login);
		assertThat(row(compared, "medida-handOffs")).contains(">4<", ">3<", ">-1<");
		assertThat(row(compared, "medida-cost")).as("version 2 is not costed yet").contains("S/ 34.20", ">—<");
		assertThat(row(compared, "medida-predicted")).contains(">3.7<", ">—<");
		assertThat(compared).contains("/asesoria/costos/" + CALQUIS + "/" + KEY + "/informe.pdf?de=1&amp;a=2");
		assertThat(compared).as("choosing the municipality keeps the compared versions")
			.contains("name=\"de\" value=\"" + versions.get(0).getId() + "\"", "<option value=\"" + CALQUIS + "\" selected");
		assertThat(page(compare, other)).as("Calquis' own versions run in no municipality of theirs")
			.contains("Estas versiones no corren en ninguna de sus municipalidades").doesNotContain("S/ 34.20");
	}

	private String page(String path, Authentication login) throws Exception {
		var response = mvc.perform(get(path).with(authentication(login))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
