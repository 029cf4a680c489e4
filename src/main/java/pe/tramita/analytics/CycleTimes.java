package pe.tramita.analytics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;

/**
 * Cycle time measures over the recorded cases and steps: count, median, 90th percentile and maximum in calendar and
 * in business days, the share resolved within the legal term and by administrative silence. Read from the monthly
 * columns the recorder keeps ({@code case_cycle_month}, {@code step_cycle_month}: a year of a province is ~150 rows),
 * measured here; percentiles are linear between the two nearest cases, as PostgreSQL's {@code percentile_cont}.
 */
@Service
public class CycleTimes {

	/** Which cases: finished from {@code from} to {@code to} (both included, Lima days), optionally one province,
	 * one municipality, one procedure. */
	public record Scope(LocalDate from, LocalDate to, String province, String ubigeo, String procedureKey) {

		/** The first day of {@code month} in the scope (the month is one the scope touches). */
		int firstDayIn(YearMonth month) {
			return month.equals(YearMonth.from(from)) ? from.getDayOfMonth() : 1;
		}

		int lastDayIn(YearMonth month) {
			return month.equals(YearMonth.from(to)) ? to.getDayOfMonth() : 31;
		}

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

	/** The cases of one municipality, procedure version and month that ended, column by column ({@code endDays}
	 * null when the whole month is in scope). */
	public record CaseMonth(String ubigeo, String procedureKey, int version, YearMonth month, int[] endDays,
			int[] calendarThousandths, int[] businessDays, boolean[] onTime, boolean[] bySilence) {
	}

	private record StepMonth(String activityId, String name, Instant firstStarted, int version,
			YearMonth month, int[] caseEndDays, int[] calendarThousandths, int[] businessDays,
			Integer[] waitingCentihours, Integer[] workingCentihours) {
	}

	private static final Map<String, Function<CaseMonth, String>> GROUPS = Map.of(
			"procedure", CaseMonth::procedureKey,
			"version", m -> m.procedureKey() + " v" + m.version(),
			"municipality", CaseMonth::ubigeo,
			"month", m -> m.month().toString());

	static final int HISTOGRAM_BARS = 32;

	/**
	 * The days of the month cases ended matter only in the scope's first and last months (read as few values as
	 * possible: a year of a province is 10,000 cases); NULL for the others, whose cases are all in scope. Booleans
	 * come as integers, which the driver reads in binary.
	 */
	private static final String EDGE_MONTHS_ONLY = "CASE WHEN month IN (:fromMonth, :toMonth) THEN %s END";

	private final NamedParameterJdbcTemplate jdbc;

	private final Municipalities municipalities;

	CycleTimes(NamedParameterJdbcTemplate jdbc, Municipalities municipalities) {
		this.municipalities = municipalities;
		this.jdbc = jdbc;
	}

	/** The cases' measures grouped by procedure, version, municipality or month. */
	public List<Measures> cases(Scope scope, String groupBy) {
		return read(scope).by(groupBy);
	}

	/** The recorded cases of a scope, read once and measured in as many ways as a page needs. */
	public Cases read(Scope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<CaseMonth> months = jdbc.query("""
				SELECT ubigeo, procedure_key, version, month, %s AS end_days, calendar_thousandths, business_days,
				       on_time::integer[] AS on_time, by_silence::integer[] AS by_silence
				FROM tramita.case_cycle_month""".formatted(EDGE_MONTHS_ONLY.formatted("end_days")) + where(scope, params), params,
				(rs, n) -> new CaseMonth(rs.getString("ubigeo"), rs.getString("procedure_key"), rs.getInt("version"),
						YearMonth.from(rs.getDate("month").toLocalDate()), ints(rs, "end_days"),
						ints(rs, "calendar_thousandths"), ints(rs, "business_days"), booleans(rs, "on_time"),
						booleans(rs, "by_silence")));
		return new Cases(scope, months);
	}

	/** A scope's cases: measured per group, or counted per business day. */
	public static final class Cases {

		private final Scope scope;

		private final List<CaseMonth> months;

		/** The cases in scope, shortest calendar time first, column by column: month (in {@code months}), times,
		 * outcomes. Measured from these arrays, in order, every grouping reads memory one after the other. */
		private int[] monthInOrder;

		private int[] timeInOrder;

		private int[] businessDaysInOrder;

		private boolean[] onTimeInOrder;

		private boolean[] bySilenceInOrder;

		Cases(Scope scope, List<CaseMonth> months) {
			this.scope = scope;
			this.months = months;
		}

		/** Grouped by procedure, version, municipality or month, ordered by the group's label. */
		public List<Measures> by(String groupBy) {
			Function<CaseMonth, String> group = GROUPS.get(groupBy);
			if (group == null) {
				throw new IllegalArgumentException("Unknown grouping: " + groupBy);
			}
			return measure(group).entrySet().stream()
				.map(e -> e.getValue().measures(groupBy, e.getKey()))
				.toList();
		}

		/** The groups' tallies by any label of a month's cases (procedure and month, for instance). */
		Map<String, Tally> measure(Function<CaseMonth, String> group) {
			Map<String, Tally> tallies = new TreeMap<>();
			Tally[] tallyOfMonth = new Tally[months.size()];
			for (int m = 0; m < months.size(); m++) {
				tallyOfMonth[m] = tallies.computeIfAbsent(group.apply(months.get(m)), k -> new Tally());
			}
			// in calendar order, so that no group has to sort its calendar times again
			sortByCalendarTime();
			int[] casesOfMonth = new int[months.size()];
			for (int m : monthInOrder) {
				casesOfMonth[m]++;
			}
			for (int m = 0; m < months.size(); m++) {
				tallyOfMonth[m].expected += casesOfMonth[m];
			}
			tallies.values().forEach(Tally::reserve);
			for (int k = 0; k < monthInOrder.length; k++) {
				tallyOfMonth[monthInOrder[k]].add(timeInOrder[k], businessDaysInOrder[k], onTimeInOrder[k],
						bySilenceInOrder[k]);
			}
			tallies.values().removeIf(Tally::isEmpty);
			return tallies;
		}

		private void sortByCalendarTime() {
			if (monthInOrder != null) {
				return;
			}
			int total = months.stream().mapToInt(m -> m.calendarThousandths().length).sum();
			int[] monthOf = new int[total];
			int[] indexOf = new int[total];
			long[] timeAndPosition = new long[total];
			int[] count = { 0 };
			for (int m = 0; m < months.size(); m++) {
				int month = m;
				int[] times = months.get(m).calendarThousandths();
				forEachCaseOf(months.get(m), i -> {
					monthOf[count[0]] = month;
					indexOf[count[0]] = i;
					timeAndPosition[count[0]] = (long) times[i] << 32 | count[0];
					count[0]++;
				});
			}
			long[] sorted = Arrays.copyOf(timeAndPosition, count[0]);
			Arrays.sort(sorted);
			monthInOrder = new int[sorted.length];
			timeInOrder = new int[sorted.length];
			businessDaysInOrder = new int[sorted.length];
			onTimeInOrder = new boolean[sorted.length];
			bySilenceInOrder = new boolean[sorted.length];
			for (int k = 0; k < sorted.length; k++) {
				int position = (int) sorted[k];
				CaseMonth month = months.get(monthOf[position]);
				int i = indexOf[position];
				monthInOrder[k] = monthOf[position];
				timeInOrder[k] = (int) (sorted[k] >>> 32);
				businessDaysInOrder[k] = month.businessDays()[i];
				onTimeInOrder[k] = month.onTime()[i];
				bySilenceInOrder[k] = month.bySilence()[i];
			}
		}

		/** How many cases took 0, 1, … 30 business days, and more than 30 (the last bar). */
		public List<Bar> histogram() {
			long[] counts = new long[HISTOGRAM_BARS];
			forEachCase(null, (month, i) -> counts[Math.min(month.businessDays()[i], HISTOGRAM_BARS - 1)]++);
			List<Bar> bars = new ArrayList<>();
			for (int days = 0; days < HISTOGRAM_BARS; days++) {
				bars.add(new Bar(days, days == HISTOGRAM_BARS - 1, counts[days]));
			}
			return bars;
		}

		/** Calendar thousandths of a day of all cases in scope (one version, when given). */
		long totalCalendarThousandths(Integer version) {
			long[] total = { 0 };
			forEachCase(version, (month, i) -> total[0] += month.calendarThousandths()[i]);
			return total[0];
		}

		private void forEachCase(Integer version, ObjIntConsumer<CaseMonth> action) {
			for (CaseMonth month : months) {
				if (version == null || month.version() == version) {
					forEachCaseOf(month, i -> action.accept(month, i));
				}
			}
		}

		/** The index of each case of the month that ended on a day of the scope. */
		private void forEachCaseOf(CaseMonth month, IntConsumer action) {
			int[] days = month.endDays();
			int first = scope.firstDayIn(month.month());
			int last = scope.lastDayIn(month.month());
			for (int i = 0; i < month.calendarThousandths().length; i++) {
				if (days == null || days[i] >= first && days[i] <= last) {
					action.accept(i);
				}
			}
		}

	}

	/** One group's cases: their times and how many were on time or by silence. */
	static final class Tally {

		private final Sample calendarThousandths = new Sample();

		private final Sample businessDays = new Sample();

		private int onTime;

		private int bySilence;

		/** How many cases will be added: room is made for them at once. */
		private int expected;

		void reserve() {
			calendarThousandths.reserve(expected);
			businessDays.reserve(expected);
		}

		void add(int time, int days, boolean inTime, boolean silence) {
			calendarThousandths.add(time);
			businessDays.add(days);
			onTime += inTime ? 1 : 0;
			bySilence += silence ? 1 : 0;
		}

		boolean isEmpty() {
			return businessDays.size() == 0;
		}

		int count() {
			return businessDays.size();
		}

		double medianBusinessDays() {
			return businessDays.percentile(0.5);
		}

		double onTimeShare() {
			return onTime / (double) count();
		}

		double silenceShare() {
			return bySilence / (double) count();
		}

		Measures measures(String group, String label) {
			return new Measures(group, label, count(), calendarThousandths.percentile(0.5) / 1000,
					calendarThousandths.percentile(0.9) / 1000, calendarThousandths.max() / 1000.0,
					businessDays.percentile(0.5), businessDays.percentile(0.9), businessDays.max(), onTimeShare(),
					silenceShare());
		}

	}

	/** Each user task's measures over the steps of the cases in scope (one version of the procedure, when given). */
	public List<StepMeasures> steps(Scope scope, Integer version) {
		return steps(read(scope), version);
	}

	/** The same, with the scope's cases already read (for the share of their total time). */
	public List<StepMeasures> steps(Cases cases, Integer version) {
		MapSqlParameterSource params = new MapSqlParameterSource("version", version);
		List<StepMonth> rows = jdbc.query("""
				SELECT activity_id, activity_name, first_started_at, version, month, %s AS case_end_days,
				       calendar_thousandths, business_days, waiting_centihours, working_centihours
				FROM tramita.step_cycle_month""".formatted(EDGE_MONTHS_ONLY.formatted("case_end_days")) + where(cases.scope, params)
				+ (version == null ? "" : " AND version = :version"), params,
				(rs, n) -> new StepMonth(rs.getString("activity_id"), rs.getString("activity_name"),
						rs.getTimestamp("first_started_at").toInstant(), rs.getInt("version"),
						YearMonth.from(rs.getDate("month").toLocalDate()), ints(rs, "case_end_days"),
						ints(rs, "calendar_thousandths"), ints(rs, "business_days"),
						(Integer[]) rs.getArray("waiting_centihours").getArray(),
						(Integer[]) rs.getArray("working_centihours").getArray()));
		Map<String, StepTally> steps = new LinkedHashMap<>();
		for (StepMonth row : rows) {
			steps.computeIfAbsent(row.activityId(), id -> new StepTally()).add(row, cases.scope);
		}
		long total = cases.totalCalendarThousandths(version);
		return steps.entrySet().stream()
			.filter(e -> e.getValue().calendar.size() > 0)
			.sorted(Comparator.comparing(e -> e.getValue().firstStarted))
			.map(e -> e.getValue().measures(e.getKey(), total))
			.toList();
	}

	/** One step's times over the months read. */
	private static final class StepTally {

		private String name;

		private Instant firstStarted;

		private final Sample calendar = new Sample();

		private final Sample business = new Sample();

		private final Sample waiting = new Sample();

		private final Sample working = new Sample();

		void add(StepMonth row, Scope scope) {
			name = name == null ? row.name() : name;
			firstStarted = firstStarted == null || row.firstStarted().isBefore(firstStarted) ? row.firstStarted()
					: firstStarted;
			int first = scope.firstDayIn(row.month());
			int last = scope.lastDayIn(row.month());
			int[] days = row.caseEndDays();
			for (int i = 0; i < row.calendarThousandths().length; i++) {
				if (days == null || days[i] >= first && days[i] <= last) {
					calendar.add(row.calendarThousandths()[i]);
					business.add(row.businessDays()[i]);
					waiting.addIfPresent(row.waitingCentihours()[i]);
					working.addIfPresent(row.workingCentihours()[i]);
				}
			}
		}

		StepMeasures measures(String activityId, long totalCalendarThousandths) {
			return new StepMeasures(activityId, name, calendar.size(), calendar.percentile(0.5) / 1000,
					calendar.percentile(0.9) / 1000, calendar.max() / 1000.0, business.percentile(0.5), hours(waiting),
					hours(working), totalCalendarThousandths == 0 ? 0 : calendar.sum() / (double) totalCalendarThousandths);
		}

	}

	private static Double hours(Sample centihours) {
		return centihours.size() == 0 ? null : centihours.percentile(0.5) / 100;
	}

	/** One bar of a histogram: cases that took {@code businessDays} business days ({@code open} for the last bar). */
	public record Bar(int businessDays, boolean open, long cases) {

		public String label() {
			return open ? businessDays + "+" : String.valueOf(businessDays);
		}

	}

	/** Open cases of the scope's municipalities and procedure by age in calendar days since filing. */
	public record Age(String label, long cases) {
	}

	public List<Age> openByAge(Scope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("today", java.sql.Date.valueOf(today));
		StringBuilder where = new StringBuilder("WHERE e.resolved_at IS NULL AND e.process_instance_id IS NOT NULL");
		if (scope.province() != null) {
			where.append(" AND e.ubigeo IN (:provinceUbigeos)");
			params.addValue("provinceUbigeos", municipalities.all().stream()
				.filter(m -> m.province().equals(scope.province())).map(MunicipalityView::ubigeo).toList());
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
				      FROM tramita.case_summary e %s) a
				""".formatted(where), params, (rs, n) -> List.of(new Age("0-7", rs.getLong("week")),
						new Age("8-21", rs.getLong("three_weeks")), new Age("22-45", rs.getLong("six_weeks")),
						new Age("46+", rs.getLong("older")))).get(0);
	}

	/** The months the scope touches (its first and last ones partly: the days are filtered when measured). */
	private static String where(Scope scope, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE month >= :fromMonth AND month <= :toMonth");
		params.addValue("fromMonth", java.sql.Date.valueOf(scope.from().withDayOfMonth(1)));
		params.addValue("toMonth", java.sql.Date.valueOf(scope.to().withDayOfMonth(1)));
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

	private static int[] ints(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		if (array == null) {
			return null;
		}
		Object values = array.getArray();
		if (values instanceof Short[] shorts) {
			int[] ints = new int[shorts.length];
			for (int i = 0; i < shorts.length; i++) {
				ints[i] = shorts[i];
			}
			return ints;
		}
		Integer[] integers = (Integer[]) values;
		int[] ints = new int[integers.length];
		for (int i = 0; i < integers.length; i++) {
			ints[i] = integers[i];
		}
		return ints;
	}

	/** A boolean array the query sent as integers. */
	private static boolean[] booleans(ResultSet rs, String column) throws SQLException {
		int[] values = ints(rs, column);
		boolean[] booleans = new boolean[values.length];
		for (int i = 0; i < values.length; i++) {
			booleans[i] = values[i] != 0;
		}
		return booleans;
	}

}
