package pe.tramita.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import pe.tramita.calendar.LegalClock;

/**
 * Cycle time measures over the recorded cases and steps: count, median, 90th percentile and maximum in calendar and
 * in business days, the share resolved within the legal term and by administrative silence. Percentiles are
 * PostgreSQL's {@code percentile_cont} (linear between the two nearest cases).
 */
@Service
public class CycleTimes {

	/** Which cases: finished from {@code from} to {@code to} (both included, Lima days), optionally one province,
	 * one municipality, one procedure. */
	public record Scope(LocalDate from, LocalDate to, String province, String ubigeo, String procedureKey) {
	}

	/** The measures of a group of cases (or of steps). */
	public record Measures(String group, String label, long count, double medianDays, double p90Days, double maxDays,
			double medianBusinessDays, double p90BusinessDays, double maxBusinessDays, double onTimeShare,
			double silenceShare) {
	}

	/** A step's measures, with its median waiting and working hours and its share of the cases' total time. */
	public record StepMeasures(String activityId, String name, long count, double medianDays, double p90Days,
			double maxDays, double medianBusinessDays, Double medianWaitingHours, Double medianWorkingHours,
			double shareOfCycleTime) {
	}

	private static final String CASE_MEASURES = """
			count(*) AS cases,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_days) AS median_days,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_days) AS p90_days,
			max(calendar_days) AS max_days,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY business_days) AS median_bd,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY business_days) AS p90_bd,
			max(business_days) AS max_bd,
			avg(CASE WHEN on_time THEN 1.0 ELSE 0.0 END) AS on_time,
			avg(CASE WHEN by_silence THEN 1.0 ELSE 0.0 END) AS by_silence""";

	private static final Map<String, String> GROUPS = Map.of(
			"procedure", "procedure_key",
			"version", "procedure_key || ' v' || version",
			"municipality", "ubigeo",
			"month", "to_char(ended_at AT TIME ZONE 'America/Lima', 'YYYY-MM')");

	private final NamedParameterJdbcTemplate jdbc;

	CycleTimes(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The cases' measures grouped by procedure, version, municipality or month. */
	public List<Measures> cases(Scope scope, String groupBy) {
		String group = GROUPS.get(groupBy);
		if (group == null) {
			throw new IllegalArgumentException("Unknown grouping: " + groupBy);
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		return jdbc.query("SELECT " + group + " AS grp, " + CASE_MEASURES + " FROM tramita.case_cycle "
				+ where(scope, params) + " GROUP BY 1 ORDER BY 1", params,
				(rs, n) -> new Measures(groupBy, rs.getString("grp"), rs.getLong("cases"), rs.getDouble("median_days"),
						rs.getDouble("p90_days"), rs.getDouble("max_days"), rs.getDouble("median_bd"),
						rs.getDouble("p90_bd"), rs.getDouble("max_bd"), rs.getDouble("on_time"),
						rs.getDouble("by_silence")));
	}

	/** Each user task's measures over the steps of the cases in scope (one version of the procedure, when given). */
	public List<StepMeasures> steps(Scope scope, Integer version) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String cases = "SELECT expediente_id, calendar_days FROM tramita.case_cycle " + where(scope, params)
				+ (version == null ? "" : " AND version = :version");
		params.addValue("version", version);
		return jdbc.query("""
				WITH cases AS (%s)
				SELECT activity_id, min(activity_name) AS name, count(*) AS steps,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_days) AS median_days,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_days) AS p90_days,
				       max(calendar_days) AS max_days,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY business_days) AS median_bd,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY waiting_hours) AS median_waiting,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY working_hours) AS median_working,
				       sum(calendar_days) / NULLIF((SELECT sum(calendar_days) FROM cases), 0) AS share
				FROM tramita.step_cycle
				WHERE expediente_id IN (SELECT expediente_id FROM cases)
				GROUP BY activity_id ORDER BY min(started_at)
				""".formatted(cases), params,
				(rs, n) -> new StepMeasures(rs.getString("activity_id"), rs.getString("name"), rs.getLong("steps"),
						rs.getDouble("median_days"), rs.getDouble("p90_days"), rs.getDouble("max_days"),
						rs.getDouble("median_bd"), (Double) rs.getObject("median_waiting"),
						(Double) rs.getObject("median_working"), rs.getDouble("share")));
	}

	/** One bar of a histogram: cases that took {@code businessDays} business days ({@code open} for the last bar). */
	public record Bar(int businessDays, boolean open, long cases) {

		public String label() {
			return open ? businessDays + "+" : String.valueOf(businessDays);
		}

	}

	/** How many cases took 0, 1, … 30 business days, and more than 30 (the last bar). */
	public List<Bar> histogram(Scope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Map<Integer, Long> counts = new java.util.HashMap<>();
		jdbc.query("SELECT least(business_days, " + (HISTOGRAM_BARS - 1) + ") AS days, count(*) AS cases "
				+ "FROM tramita.case_cycle " + where(scope, params) + " GROUP BY 1", params,
				rs -> {
					counts.put(rs.getInt("days"), rs.getLong("cases"));
				});
		List<Bar> bars = new java.util.ArrayList<>();
		for (int days = 0; days < HISTOGRAM_BARS; days++) {
			bars.add(new Bar(days, days == HISTOGRAM_BARS - 1, counts.getOrDefault(days, 0L)));
		}
		return bars;
	}

	static final int HISTOGRAM_BARS = 32;

	/** Open cases of the scope's municipalities and procedure by age in calendar days since filing. */
	public record Age(String label, long cases) {
	}

	public List<Age> openByAge(Scope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("today", java.sql.Date.valueOf(today));
		StringBuilder where = new StringBuilder("WHERE e.resolved_at IS NULL AND e.process_instance_id IS NOT NULL");
		if (scope.province() != null) {
			where.append(" AND m.province = :province");
			params.addValue("province", scope.province());
		}
		if (scope.ubigeo() != null) {
			where.append(" AND e.ubigeo = :ubigeo");
			params.addValue("ubigeo", scope.ubigeo());
		}
		if (scope.procedureKey() != null) {
			where.append(" AND e.procedure_key = :procedure");
			params.addValue("procedure", scope.procedureKey());
		}
		return jdbc.query("""
				SELECT count(*) FILTER (WHERE age <= 7) AS week, count(*) FILTER (WHERE age > 7 AND age <= 21) AS three_weeks,
				       count(*) FILTER (WHERE age > 21 AND age <= 45) AS six_weeks, count(*) FILTER (WHERE age > 45) AS older
				FROM (SELECT :today - (e.filed_at AT TIME ZONE 'America/Lima')::date AS age
				      FROM tramita.expediente e JOIN tramita.municipality m ON m.ubigeo = e.ubigeo %s) a
				""".formatted(where), params, (rs, n) -> List.of(new Age("0-7", rs.getLong("week")),
						new Age("8-21", rs.getLong("three_weeks")), new Age("22-45", rs.getLong("six_weeks")),
						new Age("46+", rs.getLong("older")))).get(0);
	}

	private static String where(Scope scope, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder("WHERE ended_at >= :from AND ended_at < :to");
		params.addValue("from", Timestamp.from(scope.from().atStartOfDay(LegalClock.LIMA).toInstant()));
		params.addValue("to", Timestamp.from(scope.to().plusDays(1).atStartOfDay(LegalClock.LIMA).toInstant()));
		if (scope.province() != null) {
			where.append(" AND province = :province");
			params.addValue("province", scope.province());
		}
		if (scope.ubigeo() != null) {
			where.append(" AND ubigeo = :ubigeo");
			params.addValue("ubigeo", scope.ubigeo());
		}
		if (scope.procedureKey() != null) {
			where.append(" AND procedure_key = :procedure");
			params.addValue("procedure", scope.procedureKey());
		}
		return where.toString();
	}

}
