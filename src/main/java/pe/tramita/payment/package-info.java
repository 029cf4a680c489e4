/**
 * Fees (derechos de trámite): the payment order a fee-bearing filing gets, the cashier's payments and daily cash
 * report, the banks' collection files matched to orders, the citizen's receipt of payment, and what was collected per
 * procedure and month (costing sets it beside what the procedure costs). A payment tells the request module, whose
 * model then goes on.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = { "calendar", "catalog", "certificate", "document", "form", "municipality", "request", "security", "text", "web" })
package pe.tramita.payment;

import org.springframework.modulith.ApplicationModule;
