package pe.tramita.portal;

/**
 * A document the application could not take: message key, the file or requirement it concerns, and the form field
 * the error summary links to.
 */
record UploadProblem(String messageKey, String subject, String fieldId) {
}
