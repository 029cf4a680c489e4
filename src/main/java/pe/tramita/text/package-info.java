/**
 * Rules for text people type, shared by every form: what counts as visible text, what e-mail address can
 * receive mail, how a search matches what people type. Depends on nothing else in Tramita.
 */
@ApplicationModule(displayName = "Text", allowedDependencies = {})
package pe.tramita.text;

import org.springframework.modulith.ApplicationModule;
