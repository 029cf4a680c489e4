/**
 * The clerks' work: tasks, their forms, the case file, the staff audit.
 */
@ApplicationModule(displayName = "Task list", allowedDependencies = { "calendar", "catalog", "document", "engine", "form", "municipality", "notification", "request", "security", "text", "web" })
package pe.tramita.tasklist;

import org.springframework.modulith.ApplicationModule;
