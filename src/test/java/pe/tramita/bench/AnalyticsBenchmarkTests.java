package pe.tramita.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.analytics.CycleTimeRecorder;
import pe.tramita.analytics.CycleTimes;
import pe.tramita.analytics.CycleTimes.Measures;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.CaseConcluded;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Cycle time pages over 200,000 finished cases (1,000,000 activity instances) of all 127 municipalities, or as many as
 * {@code -Dbench.cases} says: server time of the dashboard for a year of one province and of a municipality's
 * transparency page, against the same figures computed the naive way (Camunda's {@code HistoryService} queries, then
 * Java) and the plain SQL way ({@link SqlCycleDashboard}), interleaved sample by sample. Also the time to record the
 * cases' cycle times from the history. Results in {@code target/bench/analytics/}.
 */
@Tag("benchmark")
@TramitaTest
@Import(ServerTimes.class)
// the benchmark records the cycle times itself, timed: the schedule stays out of the way
class AnalyticsBenchmarkTests {

	static final Path OUT = BenchmarkTests.OUT.resolve("analytics");

	/** {@code -Dbench.cases=2000000} for the scale run. */
	static final int CASES = Integer.getInteger("bench.cases", 200_000);

	static final int WARM_UP = 100;

	static final int SAMPLES = 60;

	/** Above 200,000 cases the naive baseline takes seconds a call: a few samples say enough. */
	static final int NAIVE_WARM_UP = CASES > 200_000 ? 2 : WARM_UP;

	static final int NAIVE_SAMPLES = CASES > 200_000 ? 5 : SAMPLES;

	static final LocalDate FROM = LocalDate.of(2025, 12, 1);

	static final LocalDate TO = LocalDate.of(2026, 11, 30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Municipalities municipalities;

	@Autowired
	CycleTimeRecorder recorder;

	@Autowired
	CycleTimes cycleTimes;

	@Autowired
	Staff staff;

	@Test
	void run() throws Exception {
		String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.withoutTenantId().latestVersion().singleResult().getId();
		BenchmarkReport report = new BenchmarkReport();
		long start;
		long before = recordedBefore();
		if (before == CASES) { // -Dtests.dataDir: the cluster of an earlier run
			System.out.printf(Locale.ROOT, "%,d cases seeded and recorded by an earlier run%n", CASES);
		}
		else {
			assertThat(before).as("seeded cases in the cluster of an earlier run (-Dtests.dataDir): its -Dbench.cases")
				.isZero();
			start = System.nanoTime();
			CaseHistory.seed(jdbc, CASES, definition);
			report.add(Rounds.single("Seeding %,d finished cases into the engine's history".formatted(CASES), "s",
					(System.nanoTime() - start) / 1e9));
			report.add(Rounds.single("Recording their cycle times (CycleTimeRecorder, their events 100,000 a delivery)",
					"s", recordAll() / 1e9));
		}
		report.add(Rounds.single("Activity instances in the history", "rows",
				jdbc.queryForObject("SELECT count(*) FROM act_hi_actinst WHERE id_ LIKE 'bh-%'", Long.class)));
		assertThat(recordedBefore()).isEqualTo(CASES);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.step_cycle", Long.class)).isGreaterThanOrEqualTo(3L * CASES);
		List<CaseConcluded> some = concluded(0, 10_000);
		List<Double> again = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			start = System.nanoTime();
			assertThat(recorder.record(some)).isZero();
			again.add((System.nanoTime() - start) / 1e6);
		}
		report.add(Rounds.single("10,000 events handed again (a redelivery), nothing recorded twice, median of 11", "ms",
				Rounds.percentile(again, 50)));

		String[] province = municipalities.all().stream().filter(m -> m.province().equals("Cajamarca"))
			.map(m -> m.ubigeo()).toArray(String[]::new);
		NaiveHistoryDashboard naive = new NaiveHistoryDashboard(historyService, calendar);
		SqlCycleDashboard sql = new SqlCycleDashboard(jdbc);
		theSameFiguresEveryWay(naive, sql, province);

		staff.create("t.asesor.bench", "asesor", "060101");
		WebSession advisor = WebSession.loggedIn(port, "t.asesor.bench", Staff.PASSWORD);
		String year = "desde=01/12/2025&hasta=30/11/2026&provincia=Cajamarca";
		compare(report, "Dashboard, a year of Cajamarca province (12 municipalities), all procedures",
				() -> advisor.get("/bandeja/analitica?" + year),
				() -> naive.cases(province, FROM, TO),
				() -> sql.cases("Cajamarca", null, FROM, TO));
		compare(report, "Dashboard, same year and province, the licence with its steps and histogram",
				() -> advisor.get("/bandeja/analitica?" + year + "&tramite=licencia-funcionamiento"),
				() -> List.of(naive.cases(province, FROM, TO), naive.steps(province, "licencia-funcionamiento", FROM, TO)),
				() -> List.of(sql.cases("Cajamarca", "licencia-funcionamiento", FROM, TO),
						sql.steps("Cajamarca", "licencia-funcionamiento", FROM, TO)));
		WebSession citizen = new WebSession(port);
		compare(report, "Transparency page of the Municipalidad Provincial de Cajamarca, twelve months",
				() -> citizen.get("/transparencia/060101"),
				() -> naive.cases(new String[] { "060101" }, FROM, TO),
				() -> sql.municipality("060101", FROM, TO));
		report.write(OUT);
		System.out.println();
		System.out.println(report.markdown());
	}

	private long recordedBefore() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.case_cycle WHERE process_instance_id LIKE 'bh-%'",
				Long.class);
	}

	/**
	 * What the request module publishes as each seeded case concludes, handed to the recorder 100,000 at a time (two
	 * million events at once do not fit the test's heap); answers the nanoseconds the recorder took.
	 */
	private long recordAll() {
		long recording = 0;
		long after = 0;
		for (List<CaseConcluded> batch = concluded(after, 100_000); !batch.isEmpty(); batch = concluded(after, 100_000)) {
			long start = System.nanoTime();
			assertThat(recorder.record(batch)).isGreaterThanOrEqualTo(batch.size());
			recording += System.nanoTime() - start;
			after = batch.get(batch.size() - 1).expedienteId();
		}
		return recording;
	}

	private List<CaseConcluded> concluded(long afterId, int limit) {
		return jdbc.query("""
				SELECT e.id, e.case_number, e.process_instance_id, e.ubigeo, e.procedure_key, e.status, e.due_date,
				       e.resolved_at
				FROM tramita.expediente e WHERE e.process_instance_id LIKE 'bh-%' AND e.id > ? ORDER BY e.id LIMIT ?""",
				(rs, n) -> new CaseConcluded(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant()),
				afterId, limit);
	}

	/** The dashboard, the naive Java and the plain SQL agree on the province's figures. */
	private void theSameFiguresEveryWay(NaiveHistoryDashboard naive, SqlCycleDashboard sql, String[] province) {
		Measures ours = cycleTimes.cases(new CycleTimes.Scope(FROM, TO, "Cajamarca", null, null), "procedure").get(0);
		double[] theirs = naive.cases(province, FROM, TO).get("procedure").get("licencia-funcionamiento");
		assertThat((double) ours.count()).isEqualTo(theirs[0]);
		assertThat(ours.medianBusinessDays()).isCloseTo(theirs[4], within(1e-9));
		assertThat(ours.p90BusinessDays()).isCloseTo(theirs[5], within(1e-9));
		assertThat(ours.maxBusinessDays()).isCloseTo(theirs[6], within(1e-9));
		assertThat(ours.medianDays()).isCloseTo(theirs[1], within(0.001));
		assertThat(ours.onTimeShare()).isCloseTo(theirs[7], within(1e-9));
		assertThat(ours.silenceShare()).isCloseTo(theirs[8], within(1e-9));
		Map<String, Object> plain = sql.cases("Cajamarca", null, FROM, TO).stream()
			.filter(row -> "licencia-funcionamiento".equals(row.get("procedure_key")) && row.get("version") == null)
			.findFirst().orElseThrow();
		assertThat(((Number) plain.get("cases")).longValue()).isEqualTo(ours.count());
		assertThat(((Number) plain.get("median_business_days")).doubleValue()).isCloseTo(ours.medianBusinessDays(),
				within(1e-9));
		assertThat(((Number) plain.get("p90_business_days")).doubleValue()).isCloseTo(ours.p90BusinessDays(), within(1e-9));
		assertThat(((Number) plain.get("median_days")).doubleValue()).isCloseTo(ours.medianDays(), within(0.001));
		System.out.printf(Locale.ROOT, "province-year: %d cases, median %.1f business days (every way)%n", ours.count(),
				ours.medianBusinessDays());
	}

	/** Interleaved; reports the page's, the naive baseline's and the SQL baseline's p50 and p95, and their ratios. */
	private static void compare(BenchmarkReport report, String name, Callable<Object> page, Callable<Object> naive,
			Callable<Object> sql) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			page.call();
			sql.call();
			if (i < NAIVE_WARM_UP) {
				naive.call();
			}
		}
		List<Double> server = new ArrayList<>();
		List<Double> naiveTimes = new ArrayList<>();
		List<Double> sqlTimes = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			ServerTimes.LAST.clear();
			page.call();
			server.add(ServerTimes.LAST.peek());
			sqlTimes.add(millis(sql));
			if (i < NAIVE_SAMPLES) {
				naiveTimes.add(millis(naive));
			}
		}
		report.add(Rounds.single(name + ", server time p50", "ms", Rounds.percentile(server, 50)));
		report.add(Rounds.single(name + ", server time p95", "ms", Rounds.percentile(server, 95)));
		report.add(Rounds.single(name + ", HistoryService + Java p50", "ms", Rounds.percentile(naiveTimes, 50)));
		report.add(Rounds.single(name + ", HistoryService + Java p95", "ms", Rounds.percentile(naiveTimes, 95)));
		report.add(Rounds.single(name + ", percentile_cont over case_cycle/step_cycle p50", "ms",
				Rounds.percentile(sqlTimes, 50)));
		report.add(Rounds.single(name + ", percentile_cont over case_cycle/step_cycle p95", "ms",
				Rounds.percentile(sqlTimes, 95)));
		report.ratio(name + ": naive p50 / page p50", Rounds.percentile(naiveTimes, 50) / Rounds.percentile(server, 50),
				">= 20");
		report.ratio(name + ": SQL p50 / page p50", Rounds.percentile(sqlTimes, 50) / Rounds.percentile(server, 50),
				"reference");
		report.ratio(name + ": page p95", Rounds.percentile(server, 95), CASES > 200_000 ? "<= 100 ms" : "<= 500 ms");
	}

	private static double millis(Callable<Object> work) throws Exception {
		long start = System.nanoTime();
		work.call();
		return (System.nanoTime() - start) / 1e6;
	}

}
