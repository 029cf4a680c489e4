package pe.tramita.analytics;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pe.tramita.request.Expedientes;

/**
 * Cases concluded before analytics heard of conclusions by event (V20 kept them in {@code tramita.cycle_backlog}):
 * recorded once at start, then forgotten. Cases still running then are recorded when they conclude.
 */
@Component
class CycleBacklog {

	private final JdbcTemplate jdbc;

	private final Expedientes expedientes;

	private final CycleTimeRecorder recorder;

	CycleBacklog(JdbcTemplate jdbc, Expedientes expedientes, CycleTimeRecorder recorder) {
		this.jdbc = jdbc;
		this.expedientes = expedientes;
		this.recorder = recorder;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recordOnce() {
		List<Long> ids = jdbc.queryForList("SELECT expediente_id FROM tramita.cycle_backlog", Long.class);
		for (int from = 0; from < ids.size(); from += CycleTimeRecorder.BATCH) {
			recorder.record(expedientes.conclusions(ids.subList(from, Math.min(from + CycleTimeRecorder.BATCH, ids.size()))));
		}
		jdbc.update("DELETE FROM tramita.cycle_backlog");
	}

}
