/**
 * The citizens' pages: catalogue, application, receipt, status and lookup.
 */
@ApplicationModule(displayName = "Portal", allowedDependencies = { "calendar", "catalog", "certificate", "costing", "document", "form", "municipality", "notification", "payment", "request", "security", "web" })
package pe.tramita.portal;

import org.springframework.modulith.ApplicationModule;
