/**
 * Offices as data: administrators create them, say which municipalities have them and who works in them;
 * models name them as candidate groups.
 */
@ApplicationModule(displayName = "Offices", allowedDependencies = { "municipality", "security", "text", "web" })
package pe.tramita.office;

import org.springframework.modulith.ApplicationModule;
