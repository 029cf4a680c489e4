package pe.tramita.request;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Cases of the whole installation by status, for Prometheus ({@code tramita_cases{status=...}}): filed is their sum,
 * closed the concluded statuses. Counted in one query, at most every 10 s however often it is scraped.
 */
@Component
class CaseMetrics {

	private static final Duration FRESH_FOR = Duration.ofSeconds(10);

	private final JdbcTemplate jdbc;

	private Map<ExpedienteStatus, Long> counts = Map.of();

	private long countedAt;

	CaseMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		for (ExpedienteStatus status : ExpedienteStatus.values()) {
			Gauge.builder("tramita.cases", this, metrics -> metrics.count(status))
				.tag("status", status.name())
				.tag("concluded", String.valueOf(status.concluded()))
				.description("Cases in this status, in the whole installation")
				.register(registry);
		}
	}

	private synchronized double count(ExpedienteStatus status) {
		if (System.nanoTime() - countedAt > FRESH_FOR.toNanos() || counts.isEmpty()) {
			Map<ExpedienteStatus, Long> now = new EnumMap<>(ExpedienteStatus.class);
			jdbc.query("SELECT status, count(*) FROM tramita.expediente GROUP BY status",
					(RowCallbackHandler) row -> now.put(
							ExpedienteStatus.valueOf(row.getString(1)), row.getLong(2)));
			counts = now;
			countedAt = System.nanoTime();
		}
		return counts.getOrDefault(status, 0L);
	}

}
