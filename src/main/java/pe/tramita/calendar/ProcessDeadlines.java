package pe.tramita.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The calendar as the BPMN models see it ({@code ${plazos...}}). The engine's own business calendars know nothing of
 * Peruvian holidays, so models get plain dates from here.
 */
@Component("plazos")
public class ProcessDeadlines {

	/** Process variable with the legal due date of the case (ISO date), set when the case is filed. */
	public static final String DUE_DATE_VARIABLE = "fechaVencimiento";

	/** The timer that applies administrative silence when the legal term lapses: every model names it so. */
	public static final String LEGAL_TERM_TIMER = "legalTermExpired";

	/** Process variable with the day the legal clock stopped (ISO date), while an observation is pending. */
	static final String CLOCK_STOPPED_VARIABLE = "relojDetenidoDesde";

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

	/** Where the silence timer waits while the clock is stopped: it never comes on its own. */
	public static final Date CLOCK_STOPPED = Date.from(Instant.parse("9999-12-31T23:59:59Z"));

	/**
	 * An observation stops the legal term: the silence timer waits with no date until the citizen answers
	 * ({@link #restartClock}). Moving its date rather than suspending it keeps both changes plain updates of the job.
	 */
	public void stopClock(DelegateExecution execution) {
		execution.setVariable(CLOCK_STOPPED_VARIABLE, clock.today().toString());
		silenceTimer(execution).ifPresent(job -> execution.getProcessEngineServices()
			.getManagementService()
			.setJobDuedate(job.getId(), CLOCK_STOPPED));
	}

	/**
	 * The citizen answered the observation: the term resumes, and ends as many business days later as it stood
	 * still (those after the day it stopped, up to the day of the answer).
	 */
	public void restartClock(DelegateExecution execution) {
		Object stopped = execution.getVariable(CLOCK_STOPPED_VARIABLE);
		Object due = execution.getVariable(DUE_DATE_VARIABLE);
		if (stopped == null || due == null) {
			return;
		}
		String ubigeo = execution.getTenantId();
		int stoodStill = calendar.businessDaysBetween(LocalDate.parse(stopped.toString()), clock.today(), ubigeo);
		execution.removeVariable(CLOCK_STOPPED_VARIABLE);
		moveDueDate(execution, calendar.addBusinessDays(LocalDate.parse(due.toString()), stoodStill, ubigeo));
	}

	/** The end of the day {@code days} business days from today: for timers such as "notify within 2 days". */
	public Date afterBusinessDays(DelegateExecution execution, int days) {
		return LegalClock.endOfDay(calendar.addBusinessDays(clock.today(), days, execution.getTenantId()));
	}

	/** Extends the legal term by {@code days} business days (a prórroga the law allows); answers the new due date. */
	public LocalDate extendTerm(DelegateExecution execution, int days) {
		Object due = execution.getVariable(DUE_DATE_VARIABLE);
		LocalDate newDue = calendar.addBusinessDays(LocalDate.parse(due.toString()), days, execution.getTenantId());
		moveDueDate(execution, newDue);
		return newDue;
	}

	private void moveDueDate(DelegateExecution execution, LocalDate newDue) {
		execution.setVariable(DUE_DATE_VARIABLE, newDue.toString());
		silenceTimer(execution).ifPresent(job -> execution.getProcessEngineServices()
			.getManagementService()
			.setJobDuedate(job.getId(), LegalClock.endOfDay(newDue)));
	}

	private static Optional<Job> silenceTimer(DelegateExecution execution) {
		return Optional.ofNullable(execution.getProcessEngineServices()
			.getManagementService()
			.createJobQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.activityId(LEGAL_TERM_TIMER)
			.singleResult());
	}

	public Date correctionDeadline(DelegateExecution execution) {
		return LegalClock.endOfDay(lastDayToCorrect(execution.getTenantId()));
	}

	/** The last business day a citizen observed today has to correct the filing (see CORRECTION_TERM_DAYS). */
	public LocalDate lastDayToCorrect(String ubigeo) {
		return calendar.addBusinessDays(clock.today(), CORRECTION_TERM_DAYS, ubigeo);
	}

}
