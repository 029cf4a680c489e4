/**
 * The 127 municipalities of Cajamarca (Camunda tenants, id = UBIGEO).
 */
@ApplicationModule(displayName = "Municipalities", allowedDependencies = { "web", "text" })
package pe.tramita.municipality;

import org.springframework.modulith.ApplicationModule;
