/**
 * Files attached to cases: stored, typed by their content, served back to who may read them.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {})
package pe.tramita.document;

import org.springframework.modulith.ApplicationModule;
