package pe.tramita.engine;

import java.time.Instant;
import java.util.Map;

/** One line of the clerk's task list; {@code assigneeName} and {@code ownerName} are the people's names. */
public record TaskRow(String taskId, String name, Long expedienteId, String caseNumber, String applicantName,
		String procedureName, String municipalityName, Instant created, Instant due, Instant followUp, int priority,
		String assignee, String owner, boolean overdue, String assigneeName, String ownerName) {

	TaskRow withNames(Map<String, String> names) {
		return new TaskRow(taskId, name, expedienteId, caseNumber, applicantName, procedureName, municipalityName,
				created, due, followUp, priority, assignee, owner, overdue, names.getOrDefault(assignee, assignee),
				names.getOrDefault(owner, owner));
	}

	public boolean unassigned() {
		return assignee == null;
	}

}
