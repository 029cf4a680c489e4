package pe.tramita.tasklist;

import java.time.Instant;
import java.util.List;

import pe.tramita.form.ModelFormField;
import pe.tramita.request.ExpedienteView;
import pe.tramita.tasklist.Colleagues.Colleague;

/**
 * A task with its case, as the clerk works it, and what the clerk may do with it: the step's form when they hold it
 * (or the answer when it was delegated to them), and the colleagues they may hand it to. {@code assigneeName} and
 * {@code ownerName} are the people's names.
 */
public record TaskDetails(String taskId, String name, String description, String assignee, String owner,
		String assigneeName, String ownerName, boolean delegationPending, boolean assignedToMe, boolean mayAssign, Instant created, Instant due, Instant followUp,
		CaseFile caseFile, List<ModelFormField> fields, List<Colleague> assignable, List<Colleague> delegable) {

	public ExpedienteView expediente() {
		return caseFile.expediente();
	}

	public boolean delegatedToMe() {
		return delegationPending && assignedToMe;
	}

}
