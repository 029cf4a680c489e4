package pe.tramita.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import pe.tramita.database.CacheGenerations;

/**
 * Business days (días hábiles): Monday to Friday except national holidays and the non-working days declared for the
 * public sector, nationally or for one municipality. Terms count from the business day after the start
 * (TUO Ley 27444 art. 145).
 */
@Service
public class BusinessCalendar {

	private static final String NATIONWIDE = "";

	static final String CACHE_TOPIC = "calendar";

	private final JdbcTemplate jdbc;

	private final Map<Integer, Set<LocalDate>> nationalHolidaysByYear = new ConcurrentHashMap<>();

	/** Declared non-working days of a year, keyed by UBIGEO; the empty key holds the nationwide ones. */
	private final Map<Integer, Map<String, Set<LocalDate>>> declaredByYear = new ConcurrentHashMap<>();

	private final CacheGenerations generations;

	public BusinessCalendar(JdbcTemplate jdbc, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.generations = generations;
		generations.whenChanged(CACHE_TOPIC, this::forget);
	}

	/** The date on which a term of {@code days} business days, started on {@code start}, ends. */
	public LocalDate addBusinessDays(LocalDate start, int days, String ubigeo) {
		if (days < 0) {
			throw new IllegalArgumentException("A term cannot be negative: " + days);
		}
		LocalDate date = start;
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (isBusinessDay(date, ubigeo)) {
				counted++;
			}
		}
		return date;
	}

	/** Business days after {@code from} up to and including {@code to}: how far a term ran between the two dates. */
	public int businessDaysBetween(LocalDate from, LocalDate to, String ubigeo) {
		int days = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isBusinessDay(date, ubigeo)) {
				days++;
			}
		}
		return days;
	}

	public boolean isBusinessDay(LocalDate date, String ubigeo) {
		DayOfWeek day = date.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return false;
		}
		return !nationalHolidays(date.getYear()).contains(date) && !isDeclaredNonWorking(date, ubigeo);
	}

	private boolean isDeclaredNonWorking(LocalDate date, String ubigeo) {
		Map<String, Set<LocalDate>> declared = declaredByYear.computeIfAbsent(date.getYear(), this::loadDeclared);
		return declared.getOrDefault(NATIONWIDE, Set.of()).contains(date)
				|| ubigeo != null && declared.getOrDefault(ubigeo, Set.of()).contains(date);
	}

	/**
	 * Forget what was read when the administrator changes the calendar: at once, for the changing transaction, and
	 * again after it commits, since a request in between read and kept the days as they were. The other nodes forget
	 * it within seconds of the commit.
	 */
	public void refresh() {
		generations.changed(CACHE_TOPIC);
		forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forget();
				}

			});
		}
	}

	private void forget() {
		declaredByYear.clear();
		nationalHolidaysByYear.clear();
	}

	private Map<String, Set<LocalDate>> loadDeclared(int year) {
		Map<String, Set<LocalDate>> declared = new HashMap<>();
		jdbc.query("SELECT day, ubigeo FROM tramita.non_working_day WHERE day BETWEEN ? AND ?", row -> {
			String ubigeo = row.getString("ubigeo");
			declared.computeIfAbsent(ubigeo == null ? NATIONWIDE : ubigeo, k -> new HashSet<>())
				.add(row.getDate("day").toLocalDate());
		}, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		return declared;
	}

	Set<LocalDate> nationalHolidays(int year) {
		return nationalHolidaysByYear.computeIfAbsent(year, this::loadNationalHolidays);
	}

	private Set<LocalDate> loadNationalHolidays(int year) {
		Set<LocalDate> days = new HashSet<>();
		LocalDate easter = easterSunday(year);
		jdbc.query("SELECT rule, observed_since FROM tramita.national_holiday", row -> {
			int since = row.getInt("observed_since");
			if (row.wasNull() || year >= since) {
				days.add(resolve(row.getString("rule"), year, easter));
			}
		});
		return Set.copyOf(days);
	}

	static LocalDate resolve(String rule, int year, LocalDate easter) {
		if (rule.startsWith("EASTER")) {
			return easter.plusDays(Integer.parseInt(rule.substring("EASTER".length())));
		}
		return MonthDay.parse("--" + rule).atYear(year);
	}

	/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}
