/**
 * Following the public money: a municipality's investment projects (from a prioritized participatory-budget proposal
 * or on their own), the procurements that spend on them, and their budgeted, certified, committed and paid amounts,
 * for the office responsible and, without personal data, for the public and as open data.
 */
@ApplicationModule(displayName = "Investment", allowedDependencies = { "calendar", "document", "municipality", "office", "request", "security", "web" })
package pe.tramita.investment;

import org.springframework.modulith.ApplicationModule;
