package pe.tramita.request;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

	List<CaseEvent> findByExpedienteIdOrderByOccurredAt(long expedienteId);

	long countByExpedienteIdAndKindAndOccurredAtAfter(long expedienteId, CaseEventKind kind, Instant after);

}
