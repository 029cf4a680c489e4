package pe.tramita.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something the citizen must be told of, published in the transaction that recorded it, for listeners that write
 * what tells them in that same transaction (the notification outbox). {@code dueDate} is the date the citizen must
 * know: the correction's last day for an observation, the new due date for an extension, the legal due date
 * otherwise. {@code accessCode} travels only with a filing and a renewed code: this event has synchronous listeners
 * only, so it is never written to the event publication registry.
 */
public record CaseNotice(long expedienteId, String caseNumber, String ubigeo, String procedureKey, CaseEventKind kind,
		String detail, Instant at, LocalDate dueDate, List<Long> documentIds, String accessCode) {

	@Override
	public String toString() {
		return "CaseNotice[" + caseNumber + " " + kind + "]";
	}

}
