/**
 * Legal time: business days per municipality, holidays, legal terms, and the one "now" (LegalClock).
 */
@ApplicationModule(displayName = "Calendar", allowedDependencies = { "database", "municipality", "security", "text" })
package pe.tramita.calendar;

import org.springframework.modulith.ApplicationModule;
