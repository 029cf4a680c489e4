package pe.tramita.document;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** Files attached to cases: checked by size and by content (not by name), fingerprinted, kept in PostgreSQL. */
@Service
public class Documents {

	private final StoredDocumentRepository repository;

	private final DataSize maxSize;

	Documents(StoredDocumentRepository repository, @Value("${tramita.upload.max-size:5MB}") DataSize maxSize) {
		this.repository = repository;
		this.maxSize = maxSize;
	}

	public DataSize maxSize() {
		return maxSize;
	}

	/** An empty part (no file chosen) gives nothing; anything else must be a real PDF, JPEG or PNG within the limit. */
	public Optional<UploadedFile> validate(String requirement, MultipartFile part) {
		if (part == null || part.isEmpty() && !StringUtils.hasText(part.getOriginalFilename())) {
			return Optional.empty();
		}
		String name = cleanName(part.getOriginalFilename());
		if (part.isEmpty()) {
			throw new UploadRejectedException("upload.empty", name);
		}
		if (part.getSize() > maxSize.toBytes()) {
			throw new UploadRejectedException("upload.tooLarge", name);
		}
		byte[] content = read(part, name);
		FileKind kind = FileKind.detect(content).orElseThrow(() -> new UploadRejectedException("upload.badType", name));
		if (!kind.acceptsName(name)) {
			throw new UploadRejectedException("upload.nameMismatch", name);
		}
		return Optional.of(new UploadedFile(requirement, name, kind, content, sha256(content)));
	}

	@Transactional
	public DocumentView store(long expedienteId, String ubigeo, UploadedFile file, Instant at, String uploadedBy) {
		return store(expedienteId, ubigeo, file, at, uploadedBy, false);
	}

	/** {@code forCitizen}: staff hand the file to the citizen, who reads it on the status page. */
	@Transactional
	public DocumentView store(long expedienteId, String ubigeo, UploadedFile file, Instant at, String uploadedBy,
			boolean forCitizen) {
		return repository.save(new StoredDocument(expedienteId, ubigeo, file, at, uploadedBy, forCitizen)).toView();
	}

	@Transactional(readOnly = true)
	public List<DocumentView> listFor(long expedienteId) {
		return repository.listWithoutContent(expedienteId);
	}

	/** The file's content, only if it belongs to that case in that municipality. */
	@Transactional(readOnly = true)
	public Optional<DocumentContent> load(long documentId, long expedienteId, String ubigeo) {
		return repository.findByIdAndExpedienteIdAndUbigeo(documentId, expedienteId, ubigeo)
			.map(doc -> new DocumentContent(doc.toView(), doc.content()));
	}

	public record DocumentContent(DocumentView document, byte[] content) {
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] read(MultipartFile part, String name) {
		try {
			return part.getBytes();
		}
		catch (IOException e) {
			throw new UploadRejectedException("upload.unreadable", name);
		}
	}

	private static String cleanName(String original) {
		String name = StringUtils.getFilename(StringUtils.cleanPath(original == null ? "" : original.replace('\\', '/')));
		name = name == null ? "" : name.replaceAll("[\\p{Cntrl}]", "");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
