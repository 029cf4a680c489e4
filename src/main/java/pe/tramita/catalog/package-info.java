/**
 * The procedures ({@code processes/<procedure>/procedure.yml}), each municipality's TUPA terms and fees, the UIT.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "calendar", "form", "municipality", "security", "text", "web" })
package pe.tramita.catalog;

import org.springframework.modulith.ApplicationModule;
