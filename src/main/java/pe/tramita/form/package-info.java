/**
 * The forms procedure models declare (camunda:formField): rendered, read back and validated on the server.
 */
@ApplicationModule(displayName = "Forms", allowedDependencies = { "text" })
package pe.tramita.form;

import org.springframework.modulith.ApplicationModule;
