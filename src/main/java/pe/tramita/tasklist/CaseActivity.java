package pe.tramita.tasklist;

import java.time.Instant;

/** One line of the staff's case timeline: what happened, on which step, by whom. */
public record CaseActivity(Instant at, String messageKey, String step, String office, String actor, String detail) {
}
