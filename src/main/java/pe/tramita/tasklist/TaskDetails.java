package pe.tramita.tasklist;

import java.time.Instant;
import java.util.List;

import pe.tramita.form.ModelFormField;
import pe.tramita.document.DocumentView;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.TimelineEntry;

/** A task with its case, as the clerk works it. */
public record TaskDetails(String taskId, String name, String description, String assignee, boolean assignedToMe,
		Instant created, Instant due, ExpedienteView expediente, String procedureName, String municipalityName,
		List<DocumentView> documents, List<TimelineEntry> timeline, List<ModelFormField> fields) {
}
