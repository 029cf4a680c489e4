package pe.tramita.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.StaffUser;
import pe.tramita.tasklist.ClerkTasks;

/**
 * Licence cases filed and worked at known Lima instants, with the engine clock set to each one (the test resets it
 * with {@link TestTime#reset()} afterwards), for cycle time tests.
 */
@Component
public class CaseClock {

	private final Applications applications;

	private final TaskService taskService;

	private final ClerkTasks tasks;

	CaseClock(Applications applications, TaskService taskService, ClerkTasks tasks) {
		this.applications = applications;
		this.taskService = taskService;
		this.tasks = tasks;
	}

	public Filing fileLicence(String ubigeo, ZonedDateTime when) {
		TestTime.set(Date.from(when.toInstant()));
		return applications.fileLicence(ubigeo, RiskLevel.BAJO);
	}

	/** The clerk claims the case's {@code activity} at one instant and completes it with {@code form} at another. */
	public void step(Filing filing, String activity, StaffUser clerk, ZonedDateTime claimAt, ZonedDateTime completeAt,
			Map<String, String> form) {
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
			.taskDefinitionKey(activity).singleResult().getId();
		TestTime.set(Date.from(claimAt.toInstant()));
		tasks.claim(taskId, clerk);
		TestTime.set(Date.from(completeAt.toInstant()));
		assertThat(tasks.complete(taskId, clerk, form).valid()).as(activity + " form").isTrue();
	}

	public String instanceId(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult()
			.getProcessInstanceId();
	}

	public static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(TramitaApplication.LIMA);
	}

}
