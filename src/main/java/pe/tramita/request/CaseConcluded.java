package pe.tramita.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's process has ended: decided, lapsed, withdrawn or cancelled. Published in the transaction that ends it, so
 * the event publication registry keeps it until every listener has handled it.
 */
public record CaseConcluded(long expedienteId, String caseNumber, String processInstanceId, String ubigeo,
		String procedureKey, String status, LocalDate dueDate, Instant concludedAt) {

	static CaseConcluded of(ExpedienteView c, Instant at) {
		return new CaseConcluded(c.id(), c.caseNumber(), c.processInstanceId(), c.ubigeo(), c.procedureKey(),
				c.status().name(), c.dueDate(), at);
	}

}
