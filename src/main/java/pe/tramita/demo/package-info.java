/**
 * Demo users and cases for the demo profile.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "calendar", "catalog", "certificate", "costing", "document", "investment", "municipality", "payment", "request", "security" })
package pe.tramita.demo;

import org.springframework.modulith.ApplicationModule;
