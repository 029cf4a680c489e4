package pe.tramita.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;

/**
 * What the public transparency page publishes for a municipality: per public procedure and month, cases filed and
 * resolved, the median business days against the legal term, the shares on time and by silence. Counts and times
 * only: no case, name or document.
 */
@Service
public class Transparency {

	/** One month of one procedure. */
	public record Month(YearMonth month, long filed, long resolved, Double medianBusinessDays, Double onTimeShare,
			Double silenceShare) {
	}

	/** A procedure's year, month by month, with the totals of the whole period. */
	public record ProcedureYear(Procedure procedure, Month total, List<Month> months) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ProcedureCatalog catalog;

	private final CycleTimes cycleTimes;

	Transparency(NamedParameterJdbcTemplate jdbc, ProcedureCatalog catalog, CycleTimes cycleTimes) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.cycleTimes = cycleTimes;
	}

	/** The twelve months up to and including {@code lastMonth}. */
	public List<ProcedureYear> year(String ubigeo, YearMonth lastMonth) {
		YearMonth first = lastMonth.minusMonths(11);
		MapSqlParameterSource params = new MapSqlParameterSource("ubigeo", ubigeo)
			.addValue("from", Timestamp.from(first.atDay(1).atStartOfDay(TramitaApplication.LIMA).toInstant()))
			.addValue("to", Timestamp.from(lastMonth.plusMonths(1).atDay(1).atStartOfDay(TramitaApplication.LIMA).toInstant()));
		Map<String, Map<String, Long>> filed = new HashMap<>();
		jdbc.query("""
				SELECT procedure_key, to_char(filed_at AT TIME ZONE 'America/Lima', 'YYYY-MM') AS month, count(*) AS filed
				FROM tramita.case_summary WHERE ubigeo = :ubigeo AND filed_at >= :from AND filed_at < :to
				GROUP BY ROLLUP (procedure_key, to_char(filed_at AT TIME ZONE 'America/Lima', 'YYYY-MM'))""", params, rs -> {
					if (rs.getString("procedure_key") != null) {
						filed.computeIfAbsent(rs.getString("procedure_key"), k -> new HashMap<>())
							.put(rs.getString("month") == null ? "total" : rs.getString("month"), rs.getLong("filed"));
					}
				});
		CycleTimes.Cases cases = cycleTimes.read(new CycleTimes.Scope(first.atDay(1), lastMonth.atEndOfMonth(), null, ubigeo, null));
		Map<String, Map<String, Month>> resolved = new HashMap<>();
		cases.measure(m -> m.procedureKey() + " total").forEach((group, tally) -> put(resolved, group, tally));
		cases.measure(m -> m.procedureKey() + " " + m.month()).forEach((group, tally) -> put(resolved, group, tally));
		List<ProcedureYear> years = new ArrayList<>();
		for (Procedure procedure : catalog.all()) {
			if (procedure.internal()) {
				continue;
			}
			Map<String, Long> filedByMonth = filed.getOrDefault(procedure.key(), Map.of());
			Map<String, Month> resolvedByMonth = resolved.getOrDefault(procedure.key(), Map.of());
			List<Month> months = new ArrayList<>();
			for (YearMonth month = first; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
				months.add(month(month, filedByMonth.get(month.toString()), resolvedByMonth.get(month.toString())));
			}
			years.add(new ProcedureYear(procedure, month(null, filedByMonth.get("total"), resolvedByMonth.get("total")),
					months));
		}
		return years;
	}

	/** Under the procedure's key, by month ("2026-11") or "total". */
	private static void put(Map<String, Map<String, Month>> resolved, String group, CycleTimes.Tally tally) {
		String[] procedureAndMonth = group.split(" ");
		resolved.computeIfAbsent(procedureAndMonth[0], k -> new HashMap<>())
			.put(procedureAndMonth[1], new Month(null, 0, tally.count(), tally.medianBusinessDays(), tally.onTimeShare(),
					tally.silenceShare()));
	}

	private static Month month(YearMonth month, Long filed, Month resolved) {
		return resolved == null ? new Month(month, filed == null ? 0 : filed, 0, null, null, null)
				: new Month(month, filed == null ? 0 : filed, resolved.resolved(), resolved.medianBusinessDays(),
						resolved.onTimeShare(), resolved.silenceShare());
	}

	public static YearMonth lastMonth(LocalDate today) {
		return YearMonth.from(today);
	}

}
