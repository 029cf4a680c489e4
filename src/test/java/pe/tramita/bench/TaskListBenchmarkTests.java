package pe.tramita.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.calendar.LegalClock;
import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskView;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The clerk's task list over 100,000 open tasks (or {@code -Dbench.tasks}) of all 127 municipalities (about 2,000 in
 * Mesa de Partes of Cajamarca): the server's time for the page and for a search by DNI (taken by a filter ahead of all others; the time
 * at the client, over loopback HTTP, is reported too), each beside the same question put to Camunda's
 * {@code TaskService} query in the same JVM, interleaved sample by sample. Results in {@code target/bench/tasklist/}.
 * See BENCHMARKS.md.
 */
@Tag("benchmark")
@TramitaTest
@Import(ServerTimes.class)
class TaskListBenchmarkTests {

	static final Path OUT = BenchmarkTests.OUT.resolve("tasklist");

	/** {@code -Dbench.tasks=1000000} for the scale run. */
	static final int TASKS = Integer.getInteger("bench.tasks", 100_000);

	static final int WARM_UP = 100;

	static final int SAMPLES = 400;

	/** Backlog case 17 is a Mesa de Partes task of Cajamarca; its DNI also belongs to case 60,017 elsewhere. */
	static final String DNI = TaskBacklog.dni(17);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	Staff staff;

	@Autowired
	LegalClock clock;

	@Autowired
	TaskSearch taskSearch;

	@Test
	void run() throws Exception {
		String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		long seeding = System.nanoTime();
		TaskBacklog.seed(jdbc, TASKS, definition, clock.now().toInstant());
		double seedSeconds = (System.nanoTime() - seeding) / 1e9;
		staff.create(TaskBacklog.CLERK, "mesa-de-partes", TaskBacklog.OFFICE_MUNICIPALITY);
		staff.create("t.jefa.bench", "supervision", TaskBacklog.OFFICE_MUNICIPALITY);
		WebSession clerk = WebSession.loggedIn(port, TaskBacklog.CLERK, Staff.PASSWORD);
		WebSession supervisor = WebSession.loggedIn(port, "t.jefa.bench", Staff.PASSWORD);

		int open = jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Integer.class);
		int inOffice = (int) officeQuery().count();
		System.out.printf(Locale.ROOT, "seeded %d tasks in %.1f s: %d open in all, %d unassigned in the office%n", TASKS,
				seedSeconds, open, inOffice);
		engineHandlesSeededTasks(clerk);

		String officePage = "/bandeja?vista=oficina";
		String dniPage = "/bandeja?vista=oficina&buscar=" + DNI;
		String municipalityPage = "/bandeja?vista=municipio";
		assertThat(clerk.get(officePage)).contains("bench-t-");
		assertThat(clerk.get(dniPage)).contains("bench-t-17\"");

		BenchmarkReport report = new BenchmarkReport();
		report.add(Rounds.single("Open tasks seeded (all municipalities)", "tasks", open));
		report.add(Rounds.single("Unassigned Mesa de Partes tasks of Cajamarca", "tasks", inOffice));
		compare(report, "Task list page, office view: page 1 of 25 + all view counts",
				() -> clerk.get(officePage),
				"TaskService: same view, listPage(0, 25) + count()",
				() -> page(officeQuery()));
		StaffUser clerkUser = staff.person("bench", "mesa-de-partes", TaskBacklog.OFFICE_MUNICIPALITY);
		compare(report, "of which the queries: TaskSearch.page, office view (in the JVM)",
				() -> taskSearch.page(clerkUser, TaskFilter.of(TaskView.OFFICE)),
				"TaskService: same view, listPage(0, 25) + count() (again)",
				() -> page(officeQuery()));
		compare(report, "Search by DNI in the office view",
				() -> clerk.get(dniPage),
				"TaskService: processVariableValueEquals(DNI) + same view, listPage + count",
				() -> page(officeQuery().processVariableValueEquals("documentoSolicitante", DNI)));
		compare(report, "Supervisor's view of all tasks of Cajamarca",
				() -> supervisor.get(municipalityPage),
				"TaskService: tenantIdIn(060101), listPage + count",
				() -> page(taskService.createTaskQuery().tenantIdIn(TaskBacklog.OFFICE_MUNICIPALITY).orderByDueDate().asc()));
		report.write(OUT);
		System.out.println();
		System.out.println(report.markdown());
	}

	/** A seeded task is the engine's own: it finds it, and the app claims and releases it through the engine. */
	private void engineHandlesSeededTasks(WebSession clerk) throws Exception {
		Task seeded = taskService.createTaskQuery().taskId("bench-t-18").singleResult();
		assertThat(seeded).isNotNull();
		assertThat(seeded.getTenantId()).isEqualTo(TaskBacklog.OFFICE_MUNICIPALITY);
		clerk.get("/bandeja/tareas/bench-t-18");
		WebSession.location(clerk.post("/bandeja/tareas/bench-t-18/reclamar", Map.of()));
		assertThat(taskService.createTaskQuery().taskId("bench-t-18").singleResult().getAssignee()).isEqualTo(TaskBacklog.CLERK);
		WebSession.location(clerk.post("/bandeja/tareas/bench-t-18/liberar", Map.of()));
		assertThat(taskService.createTaskQuery().taskId("bench-t-18").singleResult().getAssignee()).isNull();
	}

	private TaskQuery officeQuery() {
		return taskService.createTaskQuery()
			.tenantIdIn(TaskBacklog.OFFICE_MUNICIPALITY)
			.taskCandidateGroupIn(List.of("mesa-de-partes"))
			.orderByDueDate().asc();
	}

	private static Object page(TaskQuery query) {
		List<Task> tasks = query.listPage(0, 25);
		return tasks.size() + query.count();
	}

	/** Interleaves the two, sample by sample, and reports p50 and p95 of each and the ratio of their p95s. */
	private static void compare(BenchmarkReport report, String name, Callable<Object> tramita, String baselineName,
			Callable<Object> baseline) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			tramita.call();
			baseline.call();
		}
		List<Double> ours = new ArrayList<>();
		List<Double> server = new ArrayList<>();
		List<Double> theirs = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			ServerTimes.LAST.clear();
			ours.add(millis(tramita));
			if (!ServerTimes.LAST.isEmpty()) {
				server.add(ServerTimes.LAST.peek());
			}
			theirs.add(millis(baseline));
		}
		if (!server.isEmpty()) {
			report.add(Rounds.single(name + ", at the client p50", "ms", Rounds.percentile(ours, 50)));
			report.add(Rounds.single(name + ", at the client p95", "ms", Rounds.percentile(ours, 95)));
			ours = server;
			name = name + ", server time";
		}
		report.add(Rounds.single(name + " p50", "ms", Rounds.percentile(ours, 50)));
		report.add(Rounds.single(name + " p95", "ms", Rounds.percentile(ours, 95)));
		report.add(Rounds.single(baselineName + " p50", "ms", Rounds.percentile(theirs, 50)));
		report.add(Rounds.single(baselineName + " p95", "ms", Rounds.percentile(theirs, 95)));
		report.ratio(name + ": p95 / engine p95", Rounds.percentile(ours, 95) / Rounds.percentile(theirs, 95), "<= 1.2");
		report.ratio(name + ": p95", Rounds.percentile(ours, 95), "<= 100 ms");
	}

	private static double millis(Callable<Object> call) throws Exception {
		long start = System.nanoTime();
		call.call();
		return (System.nanoTime() - start) / 1e6;
	}

}
