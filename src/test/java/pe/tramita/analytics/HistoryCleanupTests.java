package pe.tramita.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;
import pe.tramita.tasklist.ClerkTasks;

/** The engine's history cleanup removes a finished case's history after its time to live; its cycle time stays. */
@TramitaTest
class HistoryCleanupTests {

	static final String CHADIN = "060403";

	@Autowired
	Applications applications;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	Staff staff;


	@Autowired
	CycleTimes cycleTimes;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void cycleTimesOutliveTheEnginesHistory() {
		Filing filing = applications.fileLicence(CHADIN, RiskLevel.BAJO);
		String instance = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult()
			.getProcessInstanceId();
		work(filing, "reviewRequirements", "mesa-de-partes", Map.of("requisitosCompletos", "true"));
		work(filing, "classifyRisk", "licencias", Map.of("nivelRiesgo", "BAJO"));
		work(filing, "decideLicence", Offices.GERENCIA, Map.of("aprobado", "true", "fundamento", "Cumple los requisitos."));
		CycleTimes.Scope scope = new CycleTimes.Scope(LocalDate.now(TramitaApplication.LIMA).minusDays(1),
				LocalDate.now(TramitaApplication.LIMA).plusDays(1), null, CHADIN, null);
		assertThat(cycleTimes.cases(scope, "procedure")).singleElement().satisfies(m -> assertThat(m.count()).isEqualTo(1));
		Date removal = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
			.getRemovalTime();
		assertThat(removal).as("removal time = end + the model's 10 years")
			.isAfter(Date.from(ZonedDateTime.now(TramitaApplication.LIMA).plusYears(9).toInstant()));

		TestTime.set(Date.from(removal.toInstant().plusSeconds(86_400)));
		Job cleanup = historyService.cleanUpHistoryAsync(true);
		// the cleanup removes each kind of history in batches of its own: run it until the activities are gone too
		for (int run = 0; run < 20 && historyLeft(instance) > 0; run++) {
			managementService.executeJob(cleanup.getId());
		}
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(cycleTimes.cases(scope, "procedure")).singleElement().satisfies(m -> assertThat(m.count()).isEqualTo(1));
		assertThat(cycleTimes.steps(new CycleTimes.Scope(scope.from(), scope.to(), null, CHADIN, "licencia-funcionamiento"), null))
			.hasSize(3);
	}

	private long historyLeft(String instance) {
		return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()
				+ historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count();
	}

	private void work(Filing filing, String activity, String office, Map<String, String> form) {
		var clerk = staff.person("c", office, CHADIN);
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
			.taskDefinitionKey(activity).singleResult().getId();
		tasks.claim(taskId, clerk);
		assertThat(tasks.complete(taskId, clerk, form).valid()).isTrue();
	}

}
