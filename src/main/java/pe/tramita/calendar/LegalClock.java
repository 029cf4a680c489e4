package pe.tramita.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;

/** "Now" in Lima, from the application's {@link Clock}, which the engine's clock follows in tests that move time. */
@Component
public class LegalClock {

	private final Clock clock;

	LegalClock(Clock clock) {
		this.clock = clock;
	}

	public Instant instant() {
		return clock.instant();
	}

	public ZonedDateTime now() {
		return ZonedDateTime.ofInstant(clock.instant(), TramitaApplication.LIMA);
	}

	public LocalDate today() {
		return now().toLocalDate();
	}

	/** The last instant of a day in Lima: a term that ends on a day lasts all of it. */
	public static Date endOfDay(LocalDate day) {
		return Date.from(day.plusDays(1).atStartOfDay(TramitaApplication.LIMA).minusSeconds(1).toInstant());
	}

}
