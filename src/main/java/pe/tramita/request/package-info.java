/**
 * Cases (expedientes): filing, the citizen's view, what models do to a case, a new access code; publishes
 * CaseConcluded (after the commit, kept by the registry) and CaseNotice (in the transaction: what the citizen must be
 * told). Other modules read cases through its API or its view tramita.case_summary, never its tables.
 */
@ApplicationModule(displayName = "Requests", allowedDependencies = { "calendar", "catalog", "document", "form", "text" })
package pe.tramita.request;

import org.springframework.modulith.ApplicationModule;
