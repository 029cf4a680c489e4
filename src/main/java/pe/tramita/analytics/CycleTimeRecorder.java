package pe.tramita.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.engine.EngineHistory;
import pe.tramita.engine.EngineHistory.FinishedProcess;
import pe.tramita.engine.EngineHistory.FinishedUserTask;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.CaseConcluded;
import pe.tramita.tasklist.TaskClaims;

/**
 * Keeps the cycle time of every concluded case and of each of its user tasks, read from the engine's history
 * (process and activity instances) and the staff audit (who claimed when), in business days of the case's
 * municipality. It reacts to {@link CaseConcluded} once the transaction that ended the case has committed; the event
 * publication registry keeps the event until this has succeeded and hands it again after a failure or a restart, and
 * a case already recorded is not recorded twice. What it writes outlives the engine's history cleanup, and is added to
 * the monthly columns the dashboards read.
 */
@Component
public class CycleTimeRecorder {

	static final int BATCH = 10_000;

	/** "CYCL" */
	private static final long ADVISORY_LOCK = 0x4359434CL;

	private static final Set<String> BY_SILENCE = Set.of("APROBADO_POR_SILENCIO", "DENEGADO_POR_SILENCIO");

	private final NamedParameterJdbcTemplate jdbc;

	private final BusinessCalendar calendar;

	private final Municipalities municipalities;

	private final EngineHistory history;

	private final TaskClaims claims;

	private final TransactionTemplate transaction;

	CycleTimeRecorder(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, Municipalities municipalities,
			EngineHistory history, TaskClaims claims, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.municipalities = municipalities;
		this.history = history;
		this.claims = claims;
		this.transaction = new TransactionTemplate(transactions);
		// after the commit that concluded the case, in a transaction of its own
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	private record FinishedCase(String processInstanceId, long expedienteId, String ubigeo, String province,
			String procedureKey, int version, Instant started, Instant ended, LocalDate dueDate, String status) {
	}

	@TransactionalEventListener
	void on(CaseConcluded concluded) {
		record(List.of(concluded));
	}

	/** Records the cases among these that are not recorded yet; answers how many it recorded. */
	public int record(List<CaseConcluded> concluded) {
		int recorded = 0;
		for (int from = 0; from < concluded.size(); from += BATCH) {
			List<CaseConcluded> batch = concluded.subList(from, Math.min(from + BATCH, concluded.size()));
			recorded += transaction.execute(status -> recordBatch(batch));
		}
		return recorded;
	}

	/** One batch in one transaction; two recorders (nodes, or a test and a redelivery) take turns. */
	private int recordBatch(List<CaseConcluded> batch) {
		jdbc.getJdbcTemplate().queryForList("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
		Set<Long> recordedBefore = new HashSet<>(jdbc.queryForList(
				"SELECT expediente_id FROM tramita.case_cycle WHERE expediente_id IN (:ids)",
				Map.of("ids", batch.stream().map(CaseConcluded::expedienteId).toList()), Long.class));
		Map<Long, CaseConcluded> pending = new LinkedHashMap<>();
		batch.stream().filter(c -> !recordedBefore.contains(c.expedienteId()))
			.forEach(c -> pending.putIfAbsent(c.expedienteId(), c));
		Map<String, FinishedProcess> processes = history.finishedProcesses(
				pending.values().stream().map(CaseConcluded::processInstanceId).toList());
		List<FinishedCase> cases = pending.values().stream()
			.filter(c -> processes.containsKey(c.processInstanceId()))
			.map(c -> finishedCase(c, processes.get(c.processInstanceId())))
			.toList();
		if (cases.isEmpty()) {
			return 0;
		}
		jdbc.batchUpdate("""
				INSERT INTO tramita.case_cycle (expediente_id, process_instance_id, ubigeo, province, procedure_key,
				    version, started_at, ended_at, calendar_days, business_days, due_date, on_time, by_silence, status)
				VALUES (:expediente, :pi, :ubigeo, :province, :procedure, :version, :started, :ended, :calendarDays,
				    :businessDays, :due, :onTime, :bySilence, :status)""",
				cases.stream().map(this::caseRow).toArray(MapSqlParameterSource[]::new));
		recordSteps(cases);
		Map<String, Object> recorded = Map.of("ids", cases.stream().map(FinishedCase::expedienteId).toList());
		jdbc.update(APPEND_CASE_MONTHS, recorded);
		jdbc.update(APPEND_STEP_MONTHS, recorded);
		return cases.size();
	}

	private FinishedCase finishedCase(CaseConcluded c, FinishedProcess process) {
		String province = municipalities.find(c.ubigeo()).map(MunicipalityView::province).orElse(null);
		return new FinishedCase(c.processInstanceId(), c.expedienteId(), c.ubigeo(), province, c.procedureKey(),
				process.version(), process.started(), process.ended(), c.dueDate(), c.status());
	}

	/** The batch's cases added to the columns of their municipality, version and month (V13 explains the table). */
	private static final String APPEND_CASE_MONTHS = """
			INSERT INTO tramita.case_cycle_month AS m (ubigeo, province, procedure_key, version, month, end_days,
			    calendar_thousandths, business_days, on_time, by_silence)
			SELECT ubigeo, province, procedure_key, version, date_trunc('month', ended_at AT TIME ZONE 'America/Lima')::date,
			       array_agg(extract(day FROM ended_at AT TIME ZONE 'America/Lima')::smallint ORDER BY expediente_id),
			       array_agg((calendar_days * 1000)::integer ORDER BY expediente_id),
			       array_agg(business_days ORDER BY expediente_id),
			       array_agg(on_time ORDER BY expediente_id),
			       array_agg(by_silence ORDER BY expediente_id)
			FROM tramita.case_cycle WHERE expediente_id IN (:ids)
			GROUP BY 1, 2, 3, 4, 5
			ON CONFLICT (ubigeo, procedure_key, version, month) DO UPDATE SET
			    end_days = m.end_days || EXCLUDED.end_days,
			    calendar_thousandths = m.calendar_thousandths || EXCLUDED.calendar_thousandths,
			    business_days = m.business_days || EXCLUDED.business_days,
			    on_time = m.on_time || EXCLUDED.on_time,
			    by_silence = m.by_silence || EXCLUDED.by_silence""";

	private static final String APPEND_STEP_MONTHS = """
			INSERT INTO tramita.step_cycle_month AS m (ubigeo, province, procedure_key, version, month, activity_id,
			    activity_name, first_started_at, case_end_days, calendar_thousandths, business_days, waiting_centihours,
			    working_centihours)
			SELECT s.ubigeo, s.province, s.procedure_key, s.version,
			       date_trunc('month', c.ended_at AT TIME ZONE 'America/Lima')::date, s.activity_id, min(s.activity_name),
			       min(s.started_at),
			       array_agg(extract(day FROM c.ended_at AT TIME ZONE 'America/Lima')::smallint ORDER BY s.id),
			       array_agg((s.calendar_days * 1000)::integer ORDER BY s.id),
			       array_agg(s.business_days ORDER BY s.id),
			       array_agg((s.waiting_hours * 100)::integer ORDER BY s.id),
			       array_agg((s.working_hours * 100)::integer ORDER BY s.id)
			FROM tramita.step_cycle s JOIN tramita.case_cycle c ON c.expediente_id = s.expediente_id
			WHERE s.expediente_id IN (:ids)
			GROUP BY 1, 2, 3, 4, 5, 6
			ON CONFLICT (ubigeo, procedure_key, version, month, activity_id) DO UPDATE SET
			    activity_name = coalesce(m.activity_name, EXCLUDED.activity_name),
			    first_started_at = least(m.first_started_at, EXCLUDED.first_started_at),
			    case_end_days = m.case_end_days || EXCLUDED.case_end_days,
			    calendar_thousandths = m.calendar_thousandths || EXCLUDED.calendar_thousandths,
			    business_days = m.business_days || EXCLUDED.business_days,
			    waiting_centihours = m.waiting_centihours || EXCLUDED.waiting_centihours,
			    working_centihours = m.working_centihours || EXCLUDED.working_centihours""";

	private MapSqlParameterSource caseRow(FinishedCase c) {
		LocalDate endDay = day(c.ended());
		return new MapSqlParameterSource()
			.addValue("expediente", c.expedienteId())
			.addValue("pi", c.processInstanceId())
			.addValue("ubigeo", c.ubigeo())
			.addValue("province", c.province())
			.addValue("procedure", c.procedureKey())
			.addValue("version", c.version())
			.addValue("started", Timestamp.from(c.started()))
			.addValue("ended", Timestamp.from(c.ended()))
			.addValue("calendarDays", days(c.started(), c.ended()))
			.addValue("businessDays", calendar.businessDaysBetween(day(c.started()), endDay, c.ubigeo()))
			.addValue("due", c.dueDate())
			.addValue("onTime", c.dueDate() == null || !endDay.isAfter(c.dueDate()))
			.addValue("bySilence", BY_SILENCE.contains(c.status()))
			.addValue("status", c.status());
	}

	private void recordSteps(List<FinishedCase> cases) {
		Map<String, FinishedCase> byInstance = cases.stream()
			.collect(Collectors.toMap(FinishedCase::processInstanceId, Function.identity()));
		List<FinishedUserTask> tasks = history.finishedUserTasks(byInstance.keySet());
		Map<String, Instant> firstClaims = claims.firstClaims(tasks.stream().map(FinishedUserTask::taskId).toList());
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (FinishedUserTask task : tasks) {
			FinishedCase c = byInstance.get(task.processInstanceId());
			Instant claimedAt = firstClaims.get(task.taskId());
			Instant claimed = claimedAt == null || claimedAt.isAfter(task.ended()) ? null : claimedAt;
			rows.add(new MapSqlParameterSource()
				.addValue("expediente", c.expedienteId())
				.addValue("ubigeo", c.ubigeo())
				.addValue("province", c.province())
				.addValue("procedure", c.procedureKey())
				.addValue("version", c.version())
				.addValue("activity", task.activityId())
				.addValue("name", task.activityName())
				.addValue("started", Timestamp.from(task.started()))
				.addValue("claimed", claimed == null ? null : Timestamp.from(claimed))
				.addValue("ended", Timestamp.from(task.ended()))
				.addValue("calendarDays", days(task.started(), task.ended()))
				.addValue("businessDays", calendar.businessDaysBetween(day(task.started()), day(task.ended()), c.ubigeo()))
				.addValue("waiting", claimed == null ? null : hours(task.started(), claimed))
				.addValue("working", claimed == null ? null : hours(claimed, task.ended())));
		}
		jdbc.batchUpdate("""
				INSERT INTO tramita.step_cycle (expediente_id, ubigeo, province, procedure_key, version, activity_id,
				    activity_name, started_at, claimed_at, ended_at, calendar_days, business_days, waiting_hours,
				    working_hours)
				VALUES (:expediente, :ubigeo, :province, :procedure, :version, :activity, :name, :started, :claimed,
				    :ended, :calendarDays, :businessDays, :waiting, :working)""",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(TramitaApplication.LIMA).toLocalDate();
	}

	private static double days(Instant from, Instant to) {
		return Math.round(Duration.between(from, to).toSeconds() / 86.4) / 1000.0;
	}

	private static double hours(Instant from, Instant to) {
		return Math.round(Duration.between(from, to).toSeconds() / 36.0) / 100.0;
	}

}
