package pe.tramita.certificate;

import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateFileRepository extends JpaRepository<CertificateFile, Long> {

}
