package pe.tramita.document;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

	List<StoredDocument> findByExpedienteIdOrderByUploadedAt(long expedienteId);

	Optional<StoredDocument> findByIdAndExpedienteIdAndUbigeo(long id, long expedienteId, String ubigeo);

}
