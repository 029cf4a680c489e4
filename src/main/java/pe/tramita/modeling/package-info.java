/**
 * The advisors' workspace: model rules, drafts, deployments, comparison and migration of versions.
 */
@ApplicationModule(displayName = "Modeling", allowedDependencies = { "analytics", "calendar", "catalog", "costing", "engine", "form", "municipality", "office", "security", "text", "web" })
package pe.tramita.modeling;

import org.springframework.modulith.ApplicationModule;
