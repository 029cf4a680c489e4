package pe.tramita.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The queries every page runs are written in JPQL: Hibernate keeps a JPQL query's translation to SQL, while a derived
 * query (a method name) is built and translated anew on each call.
 */
interface ExpedienteRepository extends JpaRepository<Expediente, Long> {

	@Query("SELECT e FROM Expediente e WHERE e.caseNumber = ?1")
	Optional<Expediente> findByCaseNumber(String caseNumber);

	@Query("SELECT e FROM Expediente e WHERE e.processInstanceId = ?1")
	Optional<Expediente> findByProcessInstanceId(String processInstanceId);


	List<Expediente> findByUbigeoAndProcedureKeyAndStatusOrderByResolvedAtDesc(String ubigeo, String procedureKey,
			ExpedienteStatus status);

}
