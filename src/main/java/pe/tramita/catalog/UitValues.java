package pe.tramita.catalog;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;

/** Public because the engine calls it by reflection. Amounts in UIT for the models ({@code ${uit...}} in BPMN). */
@Component("uit")
public class UitValues {

	private final Tupa tupa;

	private final LegalClock clock;

	UitValues(Tupa tupa, LegalClock clock) {
		this.tupa = tupa;
		this.clock = clock;
	}

	/** {@code times} UIT of this year in soles, e.g. the 8 UIT ceiling of a minor purchase (Ley 32069, art. 34). */
	public long times(int times) {
		int year = clock.today().getYear();
		BigDecimal uit = tupa.uit(year)
			.orElseThrow(() -> new IllegalStateException("No UIT for " + year + " in tramita.uit"));
		return uit.multiply(BigDecimal.valueOf(times)).longValueExact();
	}

}
