package pe.tramita.request;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The queries every page runs are written in JPQL: Hibernate keeps a JPQL query's translation to SQL, while a derived
 * query (a method name) is built and translated anew on each call.
 */
interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

	@Query("SELECT c FROM CaseEvent c WHERE c.expedienteId = ?1 ORDER BY c.occurredAt")
	List<CaseEvent> findByExpedienteIdOrderByOccurredAt(long expedienteId);

	@Query("SELECT count(c) FROM CaseEvent c WHERE c.expedienteId = ?1 AND c.kind = ?2 AND c.occurredAt > ?3")
	long countByExpedienteIdAndKindAndOccurredAtAfter(long expedienteId, CaseEventKind kind, Instant after);

}
