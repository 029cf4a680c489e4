/**
 * Signed, numbered PDF documents with a verifiable QR code, and the signed filing receipt (cargo de recepción).
 */
@ApplicationModule(displayName = "Certificates", allowedDependencies = { "calendar", "catalog", "database", "document", "municipality", "office", "request", "security", "text", "web" })
package pe.tramita.certificate;

import org.springframework.modulith.ApplicationModule;
