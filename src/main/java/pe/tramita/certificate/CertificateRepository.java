package pe.tramita.certificate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

	Optional<Certificate> findByVerificationCode(String verificationCode);

	Optional<Certificate> findByExpedienteId(long expedienteId);

}
