package pe.tramita.document;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "document")
class StoredDocument {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long expedienteId;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private String requirement;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	@Column(columnDefinition = "char(64)")
	private String sha256;

	private byte[] content;

	private Instant uploadedAt;

	private String uploadedBy;

	/** Staff hand it to the citizen (the information requested, an answer); applicants' own files are not. */
	private boolean forCitizen;

	protected StoredDocument() {
	}

	StoredDocument(long expedienteId, String ubigeo, UploadedFile file, Instant uploadedAt, String uploadedBy,
			boolean forCitizen) {
		this.forCitizen = forCitizen;
		this.expedienteId = expedienteId;
		this.ubigeo = ubigeo;
		this.requirement = file.requirement();
		this.fileName = file.fileName();
		this.contentType = file.kind().contentType();
		this.sizeBytes = file.content().length;
		this.sha256 = file.sha256();
		this.content = file.content();
		this.uploadedAt = uploadedAt;
		this.uploadedBy = uploadedBy;
	}

	DocumentView toView() {
		return new DocumentView(id, requirement, fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy,
				forCitizen);
	}

	String ubigeo() {
		return ubigeo;
	}

	byte[] content() {
		return content;
	}

}
