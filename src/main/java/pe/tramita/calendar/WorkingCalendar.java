package pe.tramita.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.text.VisibleText;

/**
 * What the administrator edits: national holiday rules and the declared non-working days (nationwide or of one
 * municipality). Changes apply to terms computed afterwards; due dates already set do not move.
 */
@Service
public class WorkingCalendar {

	private final JdbcTemplate jdbc;

	private final BusinessCalendar calendar;

	WorkingCalendar(JdbcTemplate jdbc, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** A national holiday as it falls in one year. */
	public record Holiday(String rule, LocalDate day, String name, Integer observedSince, String legalBasis) {
	}

	/** A declared non-working day; {@code ubigeo} null means nationwide. */
	public record NonWorkingDay(LocalDate day, String ubigeo, String name, String legalBasis) {
	}

	@Transactional(readOnly = true)
	public List<Holiday> holidays(int year) {
		List<Holiday> holidays = new ArrayList<>();
		LocalDate easter = BusinessCalendar.easterSunday(year);
		jdbc.query("SELECT rule, name, observed_since, legal_basis FROM tramita.national_holiday", row -> {
			Integer since = (Integer) row.getObject("observed_since");
			if (since == null || year >= since) {
				holidays.add(new Holiday(row.getString("rule"),
						BusinessCalendar.resolve(row.getString("rule"), year, easter), row.getString("name"), since,
						row.getString("legal_basis")));
			}
		});
		holidays.sort(Comparator.comparing(Holiday::day));
		return holidays;
	}

	@Transactional(readOnly = true)
	public List<NonWorkingDay> nonWorkingDays(int year) {
		return jdbc.query("""
				SELECT day, ubigeo, name, legal_basis FROM tramita.non_working_day WHERE day BETWEEN ? AND ?
				ORDER BY day, ubigeo NULLS FIRST""",
				(row, n) -> new NonWorkingDay(row.getDate("day").toLocalDate(), row.getString("ubigeo"),
						row.getString("name"), row.getString("legal_basis")),
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	@Transactional
	public void declare(NonWorkingDay day) {
		requireText(day.name(), "calendar.error.name");
		requireText(day.legalBasis(), "calendar.error.legalBasis");
		if (day.day() == null || day.day().getYear() < 2000 || day.day().getYear() > 2100) {
			throw new CalendarChangeRejectedException("calendar.error.day");
		}
		try {
			jdbc.update("INSERT INTO tramita.non_working_day (day, ubigeo, name, legal_basis) VALUES (?, ?, ?, ?)",
					day.day(), day.ubigeo(), day.name().strip(), day.legalBasis().strip());
		}
		catch (DuplicateKeyException e) {
			throw new CalendarChangeRejectedException("calendar.error.duplicate");
		}
		calendar.refresh();
	}

	@Transactional
	public void withdraw(LocalDate day, String ubigeo) {
		jdbc.update("DELETE FROM tramita.non_working_day WHERE day = ? AND ubigeo IS NOT DISTINCT FROM ?", day, ubigeo);
		calendar.refresh();
	}

	/** A fixed-date holiday that a new law adds, observed from {@code observedSince}. */
	@Transactional
	public void addHoliday(String monthDay, String name, Integer observedSince, String legalBasis) {
		requireText(name, "calendar.error.name");
		requireText(legalBasis, "calendar.error.legalBasis");
		try {
			MonthDay.parse("--" + monthDay);
		}
		catch (RuntimeException e) {
			throw new CalendarChangeRejectedException("calendar.error.rule");
		}
		if (observedSince != null && (observedSince < 1900 || observedSince > 2100)) {
			throw new CalendarChangeRejectedException("calendar.error.since");
		}
		try {
			jdbc.update("INSERT INTO tramita.national_holiday (rule, name, observed_since, legal_basis) VALUES (?, ?, ?, ?)",
					monthDay, name.strip(), observedSince, legalBasis.strip());
		}
		catch (DuplicateKeyException e) {
			throw new CalendarChangeRejectedException("calendar.error.duplicate");
		}
		calendar.refresh();
	}

	@Transactional
	public void removeHoliday(String rule) {
		jdbc.update("DELETE FROM tramita.national_holiday WHERE rule = ?", rule);
		calendar.refresh();
	}

	private static void requireText(String text, String messageKey) {
		if (text == null || text.strip().length() < 3 || text.strip().length() > 120
				|| !VisibleText.Validator.isVisible(text)) {
			throw new CalendarChangeRejectedException(messageKey);
		}
	}

}
