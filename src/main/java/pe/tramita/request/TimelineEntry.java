package pe.tramita.request;

import java.time.Instant;

/**
 * One line of a case's history. {@code messageKey} says what happened in words of the bundles; {@code detail} is the
 * free text that came with it (an observation, a decision's grounds); step and office name a process step.
 */
public record TimelineEntry(Instant at, String messageKey, String detail, String step, String office) {
}
