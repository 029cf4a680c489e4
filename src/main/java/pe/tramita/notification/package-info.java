/**
 * Telling the citizen: every event of a case they must know of becomes a message in an outbox, in the transaction
 * that made it; a worker sends it through SMTP (or, in the demo, into a local sink staff can read), once, with retries;
 * staff see each message's fate on the case; the citizen's acknowledgment is recorded as the notification of the act.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "calendar", "catalog", "certificate", "document", "engine", "municipality", "payment",
				"request", "security", "web" })
package pe.tramita.notification;

import org.springframework.modulith.ApplicationModule;
