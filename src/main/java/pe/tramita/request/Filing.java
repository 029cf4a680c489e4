package pe.tramita.request;

import java.time.LocalDate;

/** What the citizen gets on filing: the case number, the access code (shown once), the legal due date. */
public record Filing(String caseNumber, String accessCode, LocalDate dueDate) {
}
