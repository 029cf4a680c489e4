package pe.tramita.portal;

/** A document the application could not take: message key and the file or requirement it concerns. */
record UploadProblem(String messageKey, String subject) {
}
