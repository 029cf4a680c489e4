package pe.tramita.bench;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.TramitaApplication;

/**
 * The second baseline: the dashboard's figures as a competent developer would first write them over Tramita's own
 * cycle-time rows ({@code case_cycle}, {@code step_cycle}, one row per case and per step) — {@code percentile_cont} and
 * {@code GROUP BY} in PostgreSQL, one statement per table on the page.
 */
final class SqlCycleDashboard {

	/** Count, median, p90 and maximum in calendar and business days, on-time and silence shares. */
	private static final String MEASURES = """
			count(*) AS cases, percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_days) AS median_days,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_days) AS p90_days, max(calendar_days) AS max_days,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY business_days) AS median_business_days,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY business_days) AS p90_business_days,
			max(business_days) AS max_business_days, avg(on_time::int) AS on_time, avg(by_silence::int) AS by_silence""";

	private final JdbcTemplate jdbc;

	SqlCycleDashboard(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The cases' tables of the page: by procedure, version, municipality and month. */
	List<Map<String, Object>> cases(String province, String procedure, LocalDate from, LocalDate to) {
		String onlyProcedure = procedure == null ? "" : " AND procedure_key = '" + procedure + "'";
		return jdbc.queryForList("""
				SELECT procedure_key, version, ubigeo, date_trunc('month', ended_at AT TIME ZONE 'America/Lima') AS month,
				       %s
				FROM tramita.case_cycle
				WHERE province = ? AND ended_at >= ? AND ended_at < ?%s
				GROUP BY GROUPING SETS ((procedure_key), (procedure_key, version), (ubigeo), (4))""".formatted(MEASURES,
				onlyProcedure), province, start(from), start(to.plusDays(1)));
	}

	/** Each step of one procedure: count, median and p90 in calendar days. */
	List<Map<String, Object>> steps(String province, String procedure, LocalDate from, LocalDate to) {
		return jdbc.queryForList("""
				SELECT activity_id, count(*) AS steps, percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_days) AS median_days,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_days) AS p90_days
				FROM tramita.step_cycle
				WHERE province = ? AND procedure_key = ? AND ended_at >= ? AND ended_at < ?
				GROUP BY activity_id""", province, procedure, start(from), start(to.plusDays(1)));
	}

	/** One municipality, its procedures by month (the transparency page). */
	List<Map<String, Object>> municipality(String ubigeo, LocalDate from, LocalDate to) {
		return jdbc.queryForList("""
				SELECT procedure_key, date_trunc('month', ended_at AT TIME ZONE 'America/Lima') AS month, %s
				FROM tramita.case_cycle
				WHERE ubigeo = ? AND ended_at >= ? AND ended_at < ?
				GROUP BY GROUPING SETS ((procedure_key), (procedure_key, 2))""".formatted(MEASURES), ubigeo, start(from),
				start(to.plusDays(1)));
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(TramitaApplication.LIMA).toInstant());
	}

}
