package pe.tramita.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case as other modules and pages read it. What the citizen filled in is {@code applicationData}, labelled as the
 * model labels it, and {@code applicationValues}, by field id as typed. {@code emailNotificationAccepted}: the citizen
 * authorised notification by e-mail; {@code language}: the one they filed in.
 */
public record ExpedienteView(long id, String caseNumber, String ubigeo, String procedureKey, ExpedienteStatus status,
		IdentityDocumentType applicantDocumentType, String applicantDocumentNumber, String applicantName,
		String applicantEmail, String applicantPhone, Instant filedAt, LocalDate dueDate, String observation,
		String decisionReason, Instant resolvedAt, String processInstanceId, List<ApplicationItem> applicationData,
		Map<String, String> applicationValues, boolean emailNotificationAccepted, String language) {

	/** A value the citizen typed in the field of that id; null when the form had no such field or it was empty. */
	public String value(String fieldId) {
		return applicationValues.get(fieldId);
	}

}
