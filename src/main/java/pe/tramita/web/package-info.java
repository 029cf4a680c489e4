/**
 * What every page shares: formats (dates, money), error pages, language links, downloads, request guards.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "text" })
package pe.tramita.web;

import org.springframework.modulith.ApplicationModule;
