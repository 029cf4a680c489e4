package pe.tramita.tasklist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The queries every page runs are written in JPQL: Hibernate keeps a JPQL query's translation to SQL, while a derived
 * query (a method name) is built and translated anew on each call.
 */
interface StaffActionRepository extends JpaRepository<StaffAction, Long> {

	@Query("SELECT a FROM StaffAction a WHERE a.expedienteId = ?1 ORDER BY a.occurredAt, a.id")
	List<StaffAction> findByExpedienteIdOrderByOccurredAtAscIdAsc(long expedienteId);

}
