package pe.tramita.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The queries every page runs are written in JPQL: Hibernate keeps a JPQL query's translation to SQL, while a derived
 * query (a method name) is built and translated anew on each call.
 */
interface CertificateRepository extends JpaRepository<Certificate, Long> {

	@Query("SELECT c FROM Certificate c WHERE c.verificationCode = ?1")
	Optional<Certificate> findByVerificationCode(String verificationCode);

	Optional<Certificate> findFirstByExpedienteIdOrderByIdDesc(long expedienteId);

	@Query("SELECT c FROM Certificate c WHERE c.replacesId = ?1")
	Optional<Certificate> findByReplacesId(long replacesId);

	List<Certificate> findBySha256(String sha256);

	List<Certificate> findByUbigeoInOrderByIdDesc(Iterable<String> ubigeos, Pageable page);

	List<Certificate> findByUbigeoInAndNumberContainingIgnoreCaseOrderByIdDesc(Iterable<String> ubigeos, String number,
			Pageable page);

}
