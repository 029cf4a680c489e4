package pe.tramita.tasklist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffActionRepository extends JpaRepository<StaffAction, Long> {

	List<StaffAction> findByExpedienteIdOrderByOccurredAtAscIdAsc(long expedienteId);

}
