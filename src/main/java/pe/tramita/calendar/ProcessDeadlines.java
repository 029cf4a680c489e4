package pe.tramita.calendar;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The calendar as the BPMN models see it ({@code ${plazos...}}). The engine's own business calendars know nothing of
 * Peruvian holidays, so models get plain dates from here.
 */
@Component("plazos")
public class ProcessDeadlines {

	/** Process variable with the legal due date of the case (ISO date), set when the case is filed. */
	public static final String DUE_DATE_VARIABLE = "fechaVencimiento";

	/** Business days the citizen has to complete missing requirements (TUO Ley 27444, observations at reception). */
	static final int CORRECTION_TERM_DAYS = 2;

	private final BusinessCalendar calendar;

	private final LegalClock clock;

	ProcessDeadlines(BusinessCalendar calendar, LegalClock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	public Date legalDueDate(DelegateExecution execution) {
		Object due = execution.getVariable(DUE_DATE_VARIABLE);
		return due == null ? null : LegalClock.endOfDay(LocalDate.parse(due.toString()));
	}

	public Date correctionDeadline(DelegateExecution execution) {
		LocalDate last = calendar.addBusinessDays(clock.today(), CORRECTION_TERM_DAYS, execution.getTenantId());
		return LegalClock.endOfDay(last);
	}

}
