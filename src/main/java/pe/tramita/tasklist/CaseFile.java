package pe.tramita.tasklist;

import java.util.List;

import pe.tramita.document.DocumentView;
import pe.tramita.request.CaseProgress.CurrentStep;
import pe.tramita.request.ExpedienteView;

/**
 * A case as the staff read it: the application, its documents, the timeline of what the engine and the staff did,
 * the staff's comments, the steps it waits on and the business days left of its legal term (negative when late).
 */
public record CaseFile(ExpedienteView expediente, String procedureName, String municipalityName,
		Integer businessDaysLeft, List<DocumentView> documents, List<CaseActivity> timeline, List<CaseActivity> comments,
		List<CurrentStep> currentSteps, List<String> currentActivityIds, List<StepAnswers.StepRecord> stepsDone) {
}
