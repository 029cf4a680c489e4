package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Two clerks acting on one task at the same instant, on two real threads released together by a barrier: one wins,
 * the other is told so, and nothing is done twice (claims: the engine's optimistic lock on the task row; completions:
 * a row lock taken first, see {@code ClerkTasks.complete}).
 */
@TramitaTest
class TaskConcurrencyTests {

	static final String UBIGEO = "060304";

	static final int ROUNDS = 40;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	Applications applications;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void twoClerksClaimingAtOnceOneWinsTheOtherIsToldAndOnlyOneClaimIsRecorded() throws Exception {
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		StaffUser beto = staff.person("beto", "mesa-de-partes", UBIGEO);
		for (int round = 0; round < ROUNDS; round++) {
			String taskId = taskOf(applications.fileLicence(UBIGEO, RiskLevel.BAJO));
			List<Object> outcomes = race(() -> claim(taskId, ana), () -> claim(taskId, beto));

			assertThat(outcomes).as("outcomes %s", outcomes).filteredOn(StaffUser.class::isInstance).hasSize(1);
			assertThat(outcomes).as("outcomes %s", outcomes).filteredOn(TaskClaimedByOtherException.class::isInstance)
				.hasSize(1);
			StaffUser winner = (StaffUser) outcomes.stream().filter(StaffUser.class::isInstance).findFirst().orElseThrow();
			assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner.id());
			assertThat(actions(taskId, "CLAIMED")).isEqualTo(1);
		}
	}

	@Test
	void completingTheSameStepTwiceAtOnceCompletesItOnce() throws Exception {
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		for (int round = 0; round < ROUNDS; round++) {
			Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);
			String taskId = taskOf(filing);
			tasks.claim(taskId, ana);
			Map<String, String> form = Map.of("requisitosCompletos", "true");
			List<Object> outcomes = race(() -> complete(taskId, ana, form), () -> complete(taskId, ana, form));

			assertThat(outcomes).as("outcomes %s", outcomes).filteredOn("done"::equals).hasSize(1);
			assertThat(outcomes).as("outcomes %s", outcomes)
				.filteredOn(o -> o instanceof TaskAlreadyDoneException || o instanceof TaskNotAvailableException)
				.hasSize(1);
			String processInstanceId = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
				.singleResult().getProcessInstanceId();
			assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
				.activityId("reviewRequirements").finished().count()).isEqualTo(1);
			assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).list())
				.singleElement().satisfies(next -> assertThat(next.getTaskDefinitionKey()).isEqualTo("classifyRisk"));
			assertThat(actions(taskId, "COMPLETED")).isEqualTo(1);
		}
	}

	@Test
	void theSlowerClerkIsToldInPlainWords() throws Exception {
		String taskId = taskOf(applications.fileLicence(UBIGEO, RiskLevel.BAJO));
		Authentication ana = staff.loginAs(staff.create("t.ana2." + UBIGEO, "mesa-de-partes", UBIGEO));
		Authentication beto = staff.loginAs(staff.create("t.beto2." + UBIGEO, "mesa-de-partes", UBIGEO));
		String task = "/bandeja/tareas/" + taskId;
		mvc.perform(post(task + "/reclamar").with(authentication(ana)).with(csrf())).andExpect(redirectedUrl(task));
		mvc.perform(post(task + "/reclamar").with(authentication(beto)).with(csrf()))
			.andExpect(redirectedUrl("/bandeja")).andExpect(flash().attribute("problem", "task.claimedByOther"));
	}

	private Object claim(String taskId, StaffUser clerk) {
		tasks.claim(taskId, clerk);
		return clerk;
	}

	private Object complete(String taskId, StaffUser clerk, Map<String, String> form) {
		return tasks.complete(taskId, clerk, form).valid() ? "done" : "invalid";
	}

	/** Runs both at the same instant; answers what each returned or threw. */
	private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<Object>> futures = new ArrayList<>();
		for (Callable<Object> contender : List.of(first, second)) {
			futures.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				try {
					return contender.call();
				}
				catch (RuntimeException e) {
					return e;
				}
			}));
		}
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> future : futures) {
			outcomes.add(future.get(60, TimeUnit.SECONDS));
		}
		return outcomes;
	}

	private int actions(String taskId, String action) {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.staff_action WHERE task_id = ? AND action = ?",
				Integer.class, taskId, action);
	}

	private String taskOf(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult().getId();
	}

}
