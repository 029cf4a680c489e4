/**
 * The one door to Camunda's own tables: every SQL statement over ACT_* lives here (task search, task locks,
 * running cases, history, our indexes on them), pinned by EngineColumnsTests.
 */
@ApplicationModule(displayName = "Engine", allowedDependencies = { "calendar", "catalog", "municipality", "security", "text" })
package pe.tramita.engine;

import org.springframework.modulith.ApplicationModule;
