package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.support.TramitaTest;

/**
 * A change another node makes reaches this node's memory: written as that node writes it (the row and its topic's
 * new generation, in one transaction, straight in the database), then seen here within seconds.
 */
@TramitaTest
class CacheGenerationsTests {

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDayDeclaredByAnotherNodeStopsBeingABusinessDayHereWithinSeconds() throws Exception {
		LocalDate day = LocalDate.of(2031, 6, 11);
		assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
		assertThat(calendar.isBusinessDay(day, "060101")).as("read, and kept in memory").isTrue();

		jdbc.execute("""
				BEGIN;
				INSERT INTO tramita.non_working_day (day, ubigeo, name, legal_basis)
				    VALUES ('2031-06-11', '060101', 'Declarado en otro nodo', 'Decreto de prueba');
				INSERT INTO tramita.cache_generation (topic, generation) VALUES ('calendar', 1)
				    ON CONFLICT (topic) DO UPDATE SET generation = cache_generation.generation + 1;
				COMMIT""");
		long changed = System.nanoTime();
		while (calendar.isBusinessDay(day, "060101") && System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(10)) {
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - changed) / 1e9;
		assertThat(calendar.isBusinessDay(day, "060101")).as("after %.1f s", seconds).isFalse();
		assertThat(seconds).isLessThan(5);
	}

	@Test
	void withoutANewGenerationWhatWasReadIsKept() throws Exception {
		// a change announced just before (by the other test) is forgotten at two polls in a row: let them pass
		Thread.sleep(5000);
		LocalDate day = LocalDate.of(2031, 6, 18);
		assertThat(calendar.isBusinessDay(day, "060101")).isTrue();
		jdbc.update("INSERT INTO tramita.non_working_day (day, ubigeo, name, legal_basis) VALUES (?, '060101', ?, ?)", day,
				"Escrito sin avisar", "Prueba");
		Thread.sleep(5000);
		assertThat(calendar.isBusinessDay(day, "060101")).as("nothing said it changed: the calendar kept it").isTrue();
		jdbc.update("DELETE FROM tramita.non_working_day WHERE day = ?", day);
	}

}
