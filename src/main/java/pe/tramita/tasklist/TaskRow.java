package pe.tramita.tasklist;

import java.time.Instant;

/** One line of the clerk's task list. */
public record TaskRow(String taskId, String name, String caseNumber, String applicantName, String municipalityName,
		Instant created, Instant due, boolean overdue, String assignee) {
}
