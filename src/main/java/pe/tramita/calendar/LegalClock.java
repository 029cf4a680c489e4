package pe.tramita.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** "Now" in Lima, from the engine's clock so that process tests can move time. */
@Component
public class LegalClock {

	public static final ZoneId LIMA = ZoneId.of("America/Lima");

	public ZonedDateTime now() {
		return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LIMA);
	}

	public LocalDate today() {
		return now().toLocalDate();
	}

	/** The last instant of a day in Lima: a term that ends on a day lasts all of it. */
	public static Date endOfDay(LocalDate day) {
		return Date.from(day.plusDays(1).atStartOfDay(LIMA).minusSeconds(1).toInstant());
	}

}
