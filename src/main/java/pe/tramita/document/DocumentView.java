package pe.tramita.document;

import java.time.Instant;

/** A stored file without its bytes; {@code uploadedBy} is null for the applicant's own files. */
public record DocumentView(long id, String requirement, String fileName, String contentType, long sizeBytes,
		String sha256, Instant uploadedAt, String uploadedBy, boolean forCitizen) {
}
