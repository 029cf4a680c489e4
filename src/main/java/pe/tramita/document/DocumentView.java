package pe.tramita.document;

import java.time.Instant;

public record DocumentView(long id, String requirement, String fileName, String contentType, long sizeBytes,
		String sha256, Instant uploadedAt, String uploadedBy) {
}
