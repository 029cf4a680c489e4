/**
 * Cycle times recorded as cases conclude (CaseConcluded), dashboards and the public transparency page.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "calendar", "catalog", "engine", "municipality", "request", "tasklist", "web" })
package pe.tramita.analytics;

import org.springframework.modulith.ApplicationModule;
