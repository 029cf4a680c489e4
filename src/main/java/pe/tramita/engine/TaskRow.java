package pe.tramita.engine;

import java.time.Instant;

/** One line of the clerk's task list. */
public record TaskRow(String taskId, String name, Long expedienteId, String caseNumber, String applicantName,
		String procedureName, String municipalityName, Instant created, Instant due, Instant followUp, int priority,
		String assignee, String owner, boolean overdue) {

	public boolean unassigned() {
		return assignee == null;
	}

}
