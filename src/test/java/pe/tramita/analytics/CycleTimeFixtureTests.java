package pe.tramita.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static pe.tramita.support.CaseClock.at;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.analytics.CycleTimes.Measures;
import pe.tramita.analytics.CycleTimes.Scope;
import pe.tramita.analytics.CycleTimes.StepMeasures;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.request.CaseConcluded;
import pe.tramita.request.Filing;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.CaseClock;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;

/**
 * Three licence cases of Anguia (Chota) worked by clerks at known instants with the engine clock under the test's
 * control, across weekends and the 8 and 25 December holidays, under the licence's 15-business-day term; the third
 * is approved by positive silence on the term's last day. Every expected figure below was worked out by hand (see the comments).
 */
@pe.tramita.support.TramitaTest
@RecordApplicationEvents
class CycleTimeFixtureTests {

	static final String ANGUIA = "060402";

	@Autowired
	CaseClock caseClock;

	@Autowired
	ManagementService managementService;

	@Autowired
	Staff staff;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CycleTimeRecorder recorder;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CycleTimes cycleTimes;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void measuresAreExactlyTheHandComputedOnes() throws Exception {
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 8), ANGUIA)).as("8 December is a holiday").isFalse();
		StaffUser mesa = staff.person("mesa", "mesa-de-partes", ANGUIA);
		StaffUser licencias = staff.person("lic", "licencias", ANGUIA);
		StaffUser gerente = staff.person("ger", Offices.GERENCIA, ANGUIA);

		// A: Mon 30/11 09:00 → Wed 02/12 17:00 = 2.333 days, 2 business days (01, 02)
		Filing a = file(at(2026, 11, 30, 9, 0));
		step(a, "reviewRequirements", mesa, at(2026, 11, 30, 10, 0), at(2026, 11, 30, 12, 0), Map.of("requisitosCompletos", "true"));
		step(a, "classifyRisk", licencias, at(2026, 12, 1, 9, 0), at(2026, 12, 1, 11, 0), Map.of("nivelRiesgo", "BAJO"));
		step(a, "decideLicence", gerente, at(2026, 12, 2, 9, 0), at(2026, 12, 2, 17, 0),
				Map.of("aprobado", "true", "fundamento", "Cumple los requisitos del TUPA."));
		// B: Fri 04/12 09:00 → Wed 09/12 10:00 = 5.042 days, 2 business days (07, 09; 08 is a holiday)
		Filing b = file(at(2026, 12, 4, 9, 0));
		step(b, "reviewRequirements", mesa, at(2026, 12, 4, 9, 30), at(2026, 12, 4, 10, 0), Map.of("requisitosCompletos", "true"));
		step(b, "classifyRisk", licencias, at(2026, 12, 7, 9, 0), at(2026, 12, 7, 9, 30), Map.of("nivelRiesgo", "BAJO"));
		step(b, "decideLicence", gerente, at(2026, 12, 9, 8, 0), at(2026, 12, 9, 10, 0),
				Map.of("aprobado", "true", "fundamento", "Cumple los requisitos del TUPA."));
		// C: Mon 07/12 09:00, never decided: 15 business days end on 31/12 (08 and 25 are holidays); silence at
		// 31/12 23:59:59 = 24.625 days, 15 business days
		Filing c = file(at(2026, 12, 7, 9, 0));
		step(c, "reviewRequirements", mesa, at(2026, 12, 7, 10, 0), at(2026, 12, 7, 11, 0), Map.of("requisitosCompletos", "true"));
		step(c, "classifyRisk", licencias, at(2026, 12, 9, 9, 0), at(2026, 12, 9, 10, 0), Map.of("nivelRiesgo", "BAJO"));
		assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		Job silence = managementService.createJobQuery().processInstanceId(caseClock.instanceId(c)).timers().singleResult();
		TestTime.set(silence.getDuedate());
		managementService.executeJob(silence.getId());

		// recorded as each case concluded; the registry hands an event again after a failure: nothing counts twice
		List<CaseConcluded> concluded = events.stream(CaseConcluded.class).toList();
		assertThat(concluded).extracting(CaseConcluded::caseNumber)
			.containsExactlyInAnyOrder(a.caseNumber(), b.caseNumber(), c.caseNumber());
		assertThat(recorder.record(concluded)).as("nothing is recorded twice").isZero();

		Scope december = new Scope(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 31), "Chota", ANGUIA,
				"licencia-funcionamiento");
		Measures licence = cycleTimes.cases(december, "procedure").get(0);
		assertThat(licence.count()).isEqualTo(3);
		// calendar days 2.333, 5.042, 24.625: median 5.042; p90 = 5.042 + 0.8 × (24.625 − 5.042) = 20.7084
		assertThat(licence.medianDays()).isCloseTo(5.042, within(1e-9));
		assertThat(licence.p90Days()).isCloseTo(20.7084, within(1e-9));
		assertThat(licence.maxDays()).isCloseTo(24.625, within(1e-9));
		// business days 2, 2, 15: median 2, p90 = 2 + 0.8 × 13 = 12.4, max 15
		assertThat(licence.medianBusinessDays()).isEqualTo(2.0);
		assertThat(licence.p90BusinessDays()).isCloseTo(12.4, within(1e-9));
		assertThat(licence.maxBusinessDays()).isEqualTo(15.0);
		// all within the term (C by silence on its last day); one of three by silence
		assertThat(licence.onTimeShare()).isEqualTo(1.0);
		assertThat(licence.silenceShare()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(cycleTimes.cases(december, "month")).extracting(Measures::label).containsExactly("2026-12");
		// a range's first and last days count whole, inside a month: from 03/12 leaves A (ended 02/12) out, up to
		// 30/12 leaves C (ended 31/12) out, 09/12 alone is B; B and C each had the three steps (C's decision until
		// silence ended it)
		Scope fromThird = new Scope(LocalDate.of(2026, 12, 3), december.to(), "Chota", ANGUIA, "licencia-funcionamiento");
		assertThat(cycleTimes.cases(fromThird, "procedure").get(0).medianDays()).isCloseTo((5.042 + 24.625) / 2, within(1e-9));
		assertThat(cycleTimes.steps(fromThird, null)).extracting(StepMeasures::count).containsExactly(2L, 2L, 2L);
		Scope upToThirtieth = new Scope(december.from(), LocalDate.of(2026, 12, 30), "Chota", ANGUIA, null);
		assertThat(cycleTimes.cases(upToThirtieth, "procedure").get(0).maxDays()).isCloseTo(5.042, within(1e-9));
		// December inside a longer range: its days are not even read
		Scope quarter = new Scope(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), "Chota", ANGUIA, null);
		assertThat(cycleTimes.cases(quarter, "procedure").get(0)).satisfies(m -> {
			assertThat(m.count()).isEqualTo(3);
			assertThat(m.medianDays()).isCloseTo(5.042, within(1e-9));
		});
		assertThat(cycleTimes.steps(quarter, null)).extracting(StepMeasures::count).containsExactly(3L, 3L, 3L);
		Scope ninth = new Scope(LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9), null, ANGUIA, null);
		assertThat(cycleTimes.cases(ninth, "municipality")).singleElement()
			.satisfies(m -> assertThat(m.count()).isEqualTo(1));

		List<StepMeasures> steps = cycleTimes.steps(december, null);
		assertThat(steps).extracting(StepMeasures::activityId)
			.containsExactly("reviewRequirements", "classifyRisk", "decideLicence");
		StepMeasures review = steps.get(0);
		// 3 h, 1 h, 2 h = 0.125, 0.042, 0.083 days; waiting 1, 0.5, 1 h; working 2, 0.5, 1 h
		assertThat(review.count()).isEqualTo(3);
		assertThat(review.medianDays()).isCloseTo(0.083, within(1e-9));
		assertThat(review.medianWaitingHours()).isCloseTo(1.0, within(1e-9));
		assertThat(review.medianWorkingHours()).isCloseTo(1.0, within(1e-9));
		StepMeasures classify = steps.get(1);
		// 23 h, 71.5 h, 47 h = 0.958, 2.979, 1.958 days; waiting 21, 71, 46 h; working 2, 0.5, 1 h; 1 business day each
		assertThat(classify.medianDays()).isCloseTo(1.958, within(1e-9));
		assertThat(classify.medianBusinessDays()).isEqualTo(1.0);
		assertThat(classify.medianWaitingHours()).isCloseTo(46.0, within(1e-9));
		assertThat(classify.medianWorkingHours()).isCloseTo(1.0, within(1e-9));
		StepMeasures decide = steps.get(2);
		// 30 h, 48.5 h, 22 days 13 h 59 min 59 s (until the silence) = 1.25, 2.021, 22.583 days; C was never claimed:
		// waiting 22 and 46.5 h → 34.25; working 8 and 2 h → 5
		assertThat(decide.medianDays()).isCloseTo(2.021, within(1e-9));
		assertThat(decide.medianWaitingHours()).isCloseTo(34.25, within(1e-9));
		assertThat(decide.medianWorkingHours()).isCloseTo(5.0, within(1e-9));
		// shares of the 32.000 case days: 0.250, 5.895, 25.854
		assertThat(review.shareOfCycleTime()).isCloseTo(0.25 / 32, within(1e-9));
		assertThat(classify.shareOfCycleTime()).isCloseTo(5.895 / 32, within(1e-9));
		assertThat(decide.shareOfCycleTime()).isCloseTo(25.854 / 32, within(1e-9));

		// the page and the exports show the same figures
		Authentication advisor = staff.login(Offices.ASESOR, ANGUIA);
		String query = "?desde=30/11/2026&hasta=31/12/2026&provincia=Chota&municipio=" + ANGUIA + "&tramite=licencia-funcionamiento";
		String page = mvc.perform(get("/bandeja/analitica" + query).with(authentication(advisor))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<td>3</td>", "<td>2.0</td>", "<td>12.4</td>", "<td>15</td>", "<td>5.04</td>",
				"<td>20.71</td>", "<td>100.0 %</td>", "<td>33.3 %</td>", "Revisar requisitos", "<td>34.3</td>", "<td>5.0</td>");
		String csv = mvc.perform(get("/bandeja/analitica/tramites.csv" + query).with(authentication(advisor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines()).containsExactly("\uFEFFgrupo,casos,mediana_dias,p90_dias,max_dias,mediana_dias_habiles,"
				+ "p90_dias_habiles,max_dias_habiles,dentro_del_plazo,por_silencio",
				"\"licencia-funcionamiento\",3,5.0420,20.7084,24.6250,2.0000,12.4000,15.0000,1.0000,0.3333");
		String stepsCsv = mvc.perform(get("/bandeja/analitica/pasos.csv" + query).with(authentication(advisor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(stepsCsv.lines()).hasSize(4).element(3).asString()
			.startsWith("\"decideLicence\",\"Resolver la solicitud\",3,2.0210,").contains(",34.2500,5.0000,");
		mvc.perform(get("/bandeja/analitica.json" + query).with(authentication(advisor))).andExpect(status().isOk())
			.andExpect(jsonPath("$.tramites[0].count").value(3))
			.andExpect(jsonPath("$.tramites[0].p90BusinessDays").value(12.4))
			.andExpect(jsonPath("$.pasos[2].medianWaitingHours").value(34.25));

		// the public page (no login): A was filed in November, B and C in December; all three concluded in December
		String published = mvc.perform(get("/transparencia/" + ANGUIA)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(published).contains("Licencia de Funcionamiento", "En el periodo: 3 presentados, 3 resueltos",
				"mediana 2.0 días hábiles", "100.0 % a tiempo", "33.3 % por silencio administrativo")
			.containsPattern("<th scope=\"row\">11/2026</th>\\s*<td[^>]*>1</td><td[^>]*>0</td>")
			.containsPattern("<th scope=\"row\">12/2026</th>\\s*<td[^>]*>2</td><td[^>]*>3</td>\\s*<td[^>]*>2.0</td>")
			.doesNotContain("Juana", a.caseNumber(), "45678912");
	}

	private Filing file(java.time.ZonedDateTime when) {
		return caseClock.fileLicence(ANGUIA, when);
	}

	private void step(Filing filing, String activity, StaffUser clerk, java.time.ZonedDateTime claimAt,
			java.time.ZonedDateTime completeAt, Map<String, String> form) {
		caseClock.step(filing, activity, clerk, claimAt, completeAt, form);
	}

}
