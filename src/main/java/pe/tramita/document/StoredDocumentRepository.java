package pe.tramita.document;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

	/** The list without the files' bytes (Hibernate loads a lazy byte[] eagerly unless the classes are enhanced). */
	@Query("""
			select new pe.tramita.document.DocumentView(d.id, d.requirement, d.fileName, d.contentType, d.sizeBytes,
				d.sha256, d.uploadedAt, d.uploadedBy, d.forCitizen)
			from StoredDocument d where d.expedienteId = :expedienteId order by d.uploadedAt, d.id""")
	List<DocumentView> listWithoutContent(long expedienteId);

	Optional<StoredDocument> findByIdAndExpedienteIdAndUbigeo(long id, long expedienteId, String ubigeo);

}
