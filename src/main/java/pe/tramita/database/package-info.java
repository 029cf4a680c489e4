/**
 * The embedded PostgreSQL a single node runs on by default, kept durable and private.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = { "security" })
package pe.tramita.database;

import org.springframework.modulith.ApplicationModule;
