package pe.tramita.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.analytics.CycleTimes;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskPage;
import pe.tramita.engine.TaskRow;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskView;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.payment.Payments;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * The demo's history is the engine's own: cases filed weeks ago carry those dates in the engine's history, the ones
 * that ended are measured by the cycle-time figures like any other, the last weeks leave open cases, and the task
 * views have a case due today and one overdue. The clock is back to now afterwards.
 */
@TramitaTest
class DemoHistoryTests {

	static final String SAN_IGNACIO = "060901";

	static final String CLERKS = "h0609";

	@Autowired
	Expedientes expedientes;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	ProcedureCatalog catalog;

	@Autowired
	CycleTimes cycleTimes;

	@Autowired
	TaskSearch search;

	@Autowired
	LegalClock clock;

	@Autowired
	Staff staff;

	@Autowired
	PaymentOrders orders;

	@Autowired
	Payments payments;

	@Test
	void tenWeeksOfCasesAreWorkedThroughTheEngineAtTheirOwnMomentsAndMeasured() throws Exception {
		Map.of("mesa", "mesa-de-partes", "licencias", "licencias", "itse", "defensa-civil", "gerente", "gerencia",
				"servicios", "servicios-publicos")
			.forEach((prefix, office) -> staff.create(prefix + "." + CLERKS, office, SAN_IGNACIO));
		DemoHistory history = new DemoHistory(new DemoHistory.TimeMachine() {
			@Override
			public void travelTo(Instant moment) {
				TestTime.set(Date.from(moment));
			}

			@Override
			public void backToNow() {
				TestTime.reset();
			}
		}, expedientes, taskService, calendar, catalog, new DemoCashier(orders, payments, clock));
		Instant now = Instant.now();

		List<Filing> filed = history.work(SAN_IGNACIO, CLERKS, 1.5, 1.0, 10, now, 42);
		List<Filing> late = history.dueTodayAndOverdue(SAN_IGNACIO, CLERKS, now);

		assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(filed).hasSizeGreaterThanOrEqualTo(15);
		HistoricProcessInstance first = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(filed.get(0).caseNumber())
			.singleResult();
		assertThat(first.getStartTime().toInstant()).as("filed ten weeks ago, by the engine's own record")
			.isBefore(now.minus(Duration.ofDays(63)))
			.isAfter(now.minus(Duration.ofDays(77)));
		long ended = filed.stream().filter(f -> ended(f.caseNumber())).count();
		assertThat(ended).as("most cases ended").isGreaterThan(filed.size() / 2);
		assertThat(ended).as("the last weeks' cases are still open").isLessThan(filed.size());

		LocalDate today = clock.today();
		CycleTimes.Scope scope = new CycleTimes.Scope(today.minusWeeks(11), today, null, SAN_IGNACIO, null);
		List<CycleTimes.Measures> measured = waitForMeasures(scope, ended);
		CycleTimes.Measures licences = measured.stream().filter(m -> m.label().equals("licencia-funcionamiento"))
			.findFirst().orElseThrow();
		assertThat(licences.medianBusinessDays()).isBetween(2.0, 15.0);
		assertThat(licences.onTimeShare()).as("licences are decided within their term").isEqualTo(1.0);

		StaffUser classifier = (StaffUser) staff.loginAs("licencias." + CLERKS).getPrincipal();
		TaskPage dueToday = search.page(classifier, TaskFilter.of(TaskView.DUE_TODAY));
		assertThat(dueToday.rows()).extracting(TaskRow::caseNumber).contains(late.get(0).caseNumber());
		StaffUser answering = (StaffUser) staff.loginAs("servicios." + CLERKS).getPrincipal();
		TaskPage overdue = search.page(answering, TaskFilter.of(TaskView.OVERDUE));
		assertThat(overdue.rows()).extracting(TaskRow::caseNumber).contains(late.get(1).caseNumber());
	}

	private boolean ended(String caseNumber) {
		return historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.finished()
			.count() == 1;
	}

	/** The cycle times are recorded once each case's transaction has committed, in the background. */
	private List<CycleTimes.Measures> waitForMeasures(CycleTimes.Scope scope, long cases) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<CycleTimes.Measures> measured = cycleTimes.cases(scope, "procedure");
		while (measured.stream().mapToLong(CycleTimes.Measures::count).sum() < cases && System.nanoTime() < deadline) {
			Thread.sleep(200);
			measured = cycleTimes.cases(scope, "procedure");
		}
		assertThat(measured.stream().mapToLong(CycleTimes.Measures::count).sum()).isEqualTo(cases);
		return measured;
	}

}
