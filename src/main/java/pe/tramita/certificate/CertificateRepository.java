package pe.tramita.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

	Optional<Certificate> findByVerificationCode(String verificationCode);

	Optional<Certificate> findFirstByExpedienteIdOrderByIdDesc(long expedienteId);

	Optional<Certificate> findByReplacesId(long replacesId);

	List<Certificate> findBySha256(String sha256);

	List<Certificate> findByUbigeoInOrderByIdDesc(Iterable<String> ubigeos, Pageable page);

	List<Certificate> findByUbigeoInAndNumberContainingIgnoreCaseOrderByIdDesc(Iterable<String> ubigeos, String number,
			Pageable page);

}
