package pe.tramita.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as other modules and pages read it. */
public record ExpedienteView(long id, String caseNumber, String ubigeo, String procedureKey, ExpedienteStatus status,
		IdentityDocumentType applicantDocumentType, String applicantDocumentNumber, String applicantName,
		String applicantEmail, String applicantPhone, String ruc, String businessName, String tradeName,
		String address, String activity, BigDecimal areaM2, RiskLevel declaredRisk, Instant filedAt,
		LocalDate dueDate, String observation, String decisionReason, Instant resolvedAt, String processInstanceId,
		List<ApplicationItem> applicationData) {
}
