package pe.tramita.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpedienteRepository extends JpaRepository<Expediente, Long> {

	Optional<Expediente> findByCaseNumber(String caseNumber);

	Optional<Expediente> findByProcessInstanceId(String processInstanceId);


	List<Expediente> findByUbigeoAndProcedureKeyAndStatusOrderByResolvedAtDesc(String ubigeo, String procedureKey,
			ExpedienteStatus status);

}
