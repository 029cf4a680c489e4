/**
 * The database: the embedded PostgreSQL a single node runs on by default, kept durable and private; and what lets
 * several nodes share one PostgreSQL (start-up in turns, scheduled work once per interval, caches that follow
 * changes made on other nodes).
 */
@ApplicationModule(displayName = "Database", allowedDependencies = { "security" })
package pe.tramita.database;

import org.springframework.modulith.ApplicationModule;
