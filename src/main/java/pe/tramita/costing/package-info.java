/**
 * The advisors' simplification workbench: what a procedure costs the municipality (D.S. 064-2010-PCM, activity-based),
 * whether its TUPA fee is lawful against that cost, and which of its requirements the law forbids asking for.
 */
@ApplicationModule(displayName = "Costing", allowedDependencies = { "analytics", "calendar", "catalog", "certificate", "municipality", "payment", "security", "text", "web" })
package pe.tramita.costing;

import org.springframework.modulith.ApplicationModule;
