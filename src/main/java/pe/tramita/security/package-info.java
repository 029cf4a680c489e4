/**
 * Who is who (Camunda's identity service), the roles the code checks, and the guards on every way in.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "web" })
package pe.tramita.security;

import org.springframework.modulith.ApplicationModule;
