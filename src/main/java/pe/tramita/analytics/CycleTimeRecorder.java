package pe.tramita.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;

/**
 * Keeps the cycle time of every finished case and of each of its user tasks, read from the engine's history (process
 * and activity instances) joined with our cases and the staff audit (who claimed when), in business days of the
 * case's municipality. Runs every minute and picks up what finished since; what it wrote outlives the engine's
 * history cleanup. It marks the cases it has recorded ({@code expediente.cycle_recorded}) and adds them to the monthly
 * columns the dashboards read.
 */
@Component
public class CycleTimeRecorder {

	static final int BATCH = 10_000;

	/** "CYCL" */
	private static final long ADVISORY_LOCK = 0x4359434CL;

	private static final Set<String> BY_SILENCE = Set.of("APROBADO_POR_SILENCIO", "DENEGADO_POR_SILENCIO");

	private final NamedParameterJdbcTemplate jdbc;

	private final BusinessCalendar calendar;

	private final TransactionTemplate transaction;

	CycleTimeRecorder(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.transaction = new TransactionTemplate(transactions);
	}

	private record FinishedCase(String processInstanceId, long expedienteId, String ubigeo, String province,
			String procedureKey, int version, Instant started, Instant ended, LocalDate dueDate, String status) {
	}

	/** Records every case finished and not yet recorded; answers how many. */
	@Scheduled(fixedDelayString = "${tramita.analytics.record-every:PT1M}",
			initialDelayString = "${tramita.analytics.first-record-after:PT30S}")
	public int recordFinished() {
		int recorded = 0;
		int batch;
		do {
			batch = transaction.execute(status -> recordBatch());
			recorded += batch;
		}
		while (batch == BATCH);
		return recorded;
	}

	/** One batch in one transaction; two recorders (nodes, or a test and the schedule) take turns. */
	private int recordBatch() {
		jdbc.getJdbcTemplate().queryForList("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
		List<FinishedCase> cases = jdbc.query("""
				SELECT h.id_ AS pi, e.id, e.ubigeo, m.province, e.procedure_key, d.version_, h.start_time_, h.end_time_,
				       e.due_date, e.status
				FROM tramita.expediente e
				JOIN act_hi_procinst h ON h.id_ = e.process_instance_id
				JOIN tramita.municipality m ON m.ubigeo = e.ubigeo
				JOIN act_re_procdef d ON d.id_ = h.proc_def_id_
				WHERE NOT e.cycle_recorded AND e.process_instance_id IS NOT NULL AND h.end_time_ IS NOT NULL
				ORDER BY h.end_time_
				LIMIT :batch""", Map.of("batch", BATCH), (rs, n) -> new FinishedCase(rs.getString("pi"),
				rs.getLong("id"), rs.getString("ubigeo"), rs.getString("province"), rs.getString("procedure_key"),
				rs.getInt("version_"), rs.getTimestamp("start_time_").toInstant(),
				rs.getTimestamp("end_time_").toInstant(),
				rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(), rs.getString("status")));
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
		jdbc.update("UPDATE tramita.expediente SET cycle_recorded = true WHERE id IN (:ids)", recorded);
		jdbc.update(APPEND_CASE_MONTHS, recorded);
		jdbc.update(APPEND_STEP_MONTHS, recorded);
		return cases.size();
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
		List<MapSqlParameterSource> rows = new ArrayList<>();
		jdbc.query("""
				SELECT a.proc_inst_id_, a.act_id_, a.act_name_, a.start_time_, a.end_time_,
				       (SELECT min(s.occurred_at) FROM tramita.staff_action s
				        WHERE s.task_id = a.task_id_ AND s.action IN ('CLAIMED', 'ASSIGNED')) AS claimed
				FROM act_hi_actinst a
				WHERE a.proc_inst_id_ IN (:instances) AND a.act_type_ = 'userTask' AND a.end_time_ IS NOT NULL""",
				Map.of("instances", byInstance.keySet()), rs -> {
					FinishedCase c = byInstance.get(rs.getString("proc_inst_id_"));
					Instant started = rs.getTimestamp("start_time_").toInstant();
					Instant ended = rs.getTimestamp("end_time_").toInstant();
					Timestamp claimedAt = rs.getTimestamp("claimed");
					Instant claimed = claimedAt == null || claimedAt.toInstant().isAfter(ended) ? null : claimedAt.toInstant();
					rows.add(new MapSqlParameterSource()
						.addValue("expediente", c.expedienteId())
						.addValue("ubigeo", c.ubigeo())
						.addValue("province", c.province())
						.addValue("procedure", c.procedureKey())
						.addValue("version", c.version())
						.addValue("activity", rs.getString("act_id_"))
						.addValue("name", rs.getString("act_name_"))
						.addValue("started", Timestamp.from(started))
						.addValue("claimed", claimed == null ? null : Timestamp.from(claimed))
						.addValue("ended", Timestamp.from(ended))
						.addValue("calendarDays", days(started, ended))
						.addValue("businessDays", calendar.businessDaysBetween(day(started), day(ended), c.ubigeo()))
						.addValue("waiting", claimed == null ? null : hours(started, claimed))
						.addValue("working", claimed == null ? null : hours(claimed, ended)));
				});
		jdbc.batchUpdate("""
				INSERT INTO tramita.step_cycle (expediente_id, ubigeo, province, procedure_key, version, activity_id,
				    activity_name, started_at, claimed_at, ended_at, calendar_days, business_days, waiting_hours,
				    working_hours)
				VALUES (:expediente, :ubigeo, :province, :procedure, :version, :activity, :name, :started, :claimed,
				    :ended, :calendarDays, :businessDays, :waiting, :working)""",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(LegalClock.LIMA).toLocalDate();
	}

	private static double days(Instant from, Instant to) {
		return Math.round(Duration.between(from, to).toSeconds() / 86.4) / 1000.0;
	}

	private static double hours(Instant from, Instant to) {
		return Math.round(Duration.between(from, to).toSeconds() / 36.0) / 100.0;
	}

}
