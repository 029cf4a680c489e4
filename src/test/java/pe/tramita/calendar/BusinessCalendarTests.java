package pe.tramita.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.support.TramitaTest;

/** Business-day terms against dates worked out by hand on the 2026 calendar, holidays read from the migration. */
@TramitaTest
class BusinessCalendarTests {

	@Autowired
	BusinessCalendar calendar;

	@ParameterizedTest(name = "{0} + {1} business days = {2}")
	@CsvSource({
			// filed on a Saturday: the term starts on Monday
			"2026-11-28, 15, 2026-12-22",
			// 8 and 9 December are holidays (Inmaculada Concepción, Batalla de Ayacucho)
			"2026-12-07, 1, 2026-12-10",
			// Holy Thursday 2 April and Good Friday 3 April 2026
			"2026-04-01, 1, 2026-04-06",
			// year end: 25 December and 1 January
			"2026-12-24, 2, 2026-12-29", "2026-12-31, 1, 2027-01-04",
			// Fiestas Patrias 28-29 July and the Fuerza Aérea day on 23 July
			"2026-07-22, 1, 2026-07-24", "2026-07-27, 1, 2026-07-30",
			// 7 June 2026 is a Sunday: nothing moves
			"2026-06-05, 1, 2026-06-08",
			"2026-11-30, 0, 2026-11-30" })
	void addsBusinessDays(LocalDate start, int days, LocalDate expected) {
		assertThat(calendar.addBusinessDays(start, days, "060101")).isEqualTo(expected);
	}

	@ParameterizedTest(name = "business days in ({0}, {1}] = {2}")
	@CsvSource({
			// same day: the term did not stand still
			"2027-02-01, 2027-02-01, 0",
			// Monday to Wednesday: Tuesday and Wednesday
			"2027-02-01, 2027-02-03, 2",
			// Friday to Monday: only Monday
			"2026-11-27, 2026-11-30, 1",
			// over 8 and 9 December 2026
			"2026-12-07, 2026-12-11, 2",
			// over Christmas and New Year: 28-31 December and 4 January
			"2026-12-24, 2027-01-04, 5",
			// Holy Week 2027: Thursday 25 and Friday 26 March are holidays
			"2027-03-23, 2027-03-29, 2" })
	void countsBusinessDaysBetweenTwoDates(LocalDate from, LocalDate to, int expected) {
		assertThat(calendar.businessDaysBetween(from, to, "060101")).isEqualTo(expected);
		assertThat(calendar.addBusinessDays(from, expected, "060101")).as("the inverse of adding")
			.isBeforeOrEqualTo(to);
	}

	@Test
	void computesEasterSunday() {
		assertThat(BusinessCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(BusinessCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(BusinessCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
	}

	@Test
	void holidaysAddedByLaterLawsCountOnlyFromTheirFirstYear() {
		assertThat(calendar.nationalHolidays(2022)).doesNotContain(LocalDate.of(2022, 6, 7), LocalDate.of(2022, 7, 23));
		assertThat(calendar.nationalHolidays(2024)).contains(LocalDate.of(2024, 6, 7), LocalDate.of(2024, 7, 23));
		assertThat(calendar.nationalHolidays(2026)).hasSize(16);
	}

}
