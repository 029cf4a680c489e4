package pe.tramita.request;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.ProcessDeadlines;

/**
 * Public because the engine calls it by reflection. What the procedure models may do to a case
 * ({@code ${expedientes...}} in BPMN): always the case the process instance was started for.
 */
@Component("expedientes")
public class ExpedienteProcessActions {

	private final Expedientes expedientes;

	private final ProcessDeadlines deadlines;

	ExpedienteProcessActions(Expedientes expedientes, ProcessDeadlines deadlines) {
		this.expedientes = expedientes;
		this.deadlines = deadlines;
	}

	/** Tells the citizen what is missing, from the reviewer's {@code observacion}. */
	public void observe(DelegateExecution execution) {
		Object observation = execution.getVariable("observacion");
		expedientes.observe(expedientes.caseOf(execution), observation == null ? null : observation.toString(),
				deadlines.lastDayToCorrect(execution.getTenantId()));
	}

	/** Records the outcome, with the decision's {@code fundamento} where there is one. */
	public void conclude(DelegateExecution execution, String outcome) {
		Object reason = execution.getVariable("fundamento");
		expedientes.conclude(expedientes.caseOf(execution), ExpedienteStatus.valueOf(outcome),
				reason == null ? null : reason.toString());
	}

	/** A prórroga: the term grows by the clerk's {@code diasProrroga} business days, and the citizen is told why. */
	public void extendTerm(DelegateExecution execution) {
		int days = ((Number) execution.getVariable("diasProrroga")).intValue();
		Object reason = execution.getVariable("motivoProrroga");
		LocalDate newDue = deadlines.extendTerm(execution, days);
		expedientes.extended(expedientes.caseOf(execution), newDue, reason == null ? null : reason.toString());
	}

}
