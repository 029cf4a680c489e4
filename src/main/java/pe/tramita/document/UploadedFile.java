package pe.tramita.document;

/** A file that passed validation and is ready to be stored with a case. */
public record UploadedFile(String requirement, String fileName, FileKind kind, byte[] content, String sha256) {
}
