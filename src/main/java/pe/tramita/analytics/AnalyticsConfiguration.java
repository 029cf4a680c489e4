package pe.tramita.analytics;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import pe.tramita.request.CaseConcluded;

/**
 * A conclusion the recorder failed to record (the database was briefly away, say) is handed to it again, as after a
 * restart, once it is older than {@code tramita.analytics.retry-after}; recording twice counts once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final Duration retryAfter;

	AnalyticsConfiguration(IncompleteEventPublications incomplete, Clock clock,
			@Value("${tramita.analytics.retry-after:PT10M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	@Scheduled(fixedDelayString = "${tramita.analytics.retry-after:PT10M}", initialDelayString = "PT1M")
	void recordWhatFailed() {
		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof CaseConcluded
				&& publication.getPublicationDate().isBefore(clock.instant().minus(retryAfter)));
	}

}
