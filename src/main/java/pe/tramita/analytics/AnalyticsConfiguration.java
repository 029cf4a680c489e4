package pe.tramita.analytics;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

import pe.tramita.request.CaseConcluded;

/**
 * A conclusion the recorder failed to record (the database was briefly away, say) is handed to it again, as after a
 * restart, once it is older than {@code tramita.analytics.retry-after}; recording twice counts once. With several
 * nodes, one of them does it per interval.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	private static final String RETRY_AFTER = "${tramita.analytics.retry-after:PT10M}";

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final Duration retryAfter;

	private final Counter runs;

	AnalyticsConfiguration(IncompleteEventPublications incomplete, Clock clock,
			@Value(RETRY_AFTER) Duration retryAfter, MeterRegistry registry) {
		this.incomplete = incomplete;
		this.clock = clock;
		this.retryAfter = retryAfter;
		this.runs = Counter.builder("tramita.scheduled.runs").tag("task", "recordFailedConclusions")
			.description("Times this node ran the scheduled task (one node per interval in the installation)")
			.register(registry);
	}

	@Scheduled(fixedDelayString = RETRY_AFTER, initialDelayString = RETRY_AFTER)
	@SchedulerLock(name = "recordFailedConclusions", lockAtLeastFor = RETRY_AFTER)
	void recordWhatFailed() {
		runs.increment();
		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof CaseConcluded
				&& publication.getPublicationDate().isBefore(clock.instant().minus(retryAfter)));
	}

}
