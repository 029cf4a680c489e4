package pe.tramita.tasklist;

import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;
import pe.tramita.security.StaffUser;

/** Writes and reads what staff did on cases' tasks (table {@code staff_action}), in the caller's transaction. */
@Component
class StaffAudit {

	private final StaffActionRepository repository;

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	StaffAudit(StaffActionRepository repository, JdbcTemplate jdbc, LegalClock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(Task task, StaffUser actor, StaffAction.Kind kind, String detail) {
		jdbc.query("SELECT id, ubigeo FROM tramita.case_summary WHERE process_instance_id = ?",
				rs -> {
					repository.save(new StaffAction(rs.getLong("id"), rs.getString("ubigeo"), clock.now().toInstant(),
							actor.id(), kind, task.getId(), task.getName(), detail));
				}, task.getProcessInstanceId());
	}

	List<CaseActivity> activity(long expedienteId) {
		return repository.findByExpedienteIdOrderByOccurredAtAscIdAsc(expedienteId).stream()
			.map(action -> new CaseActivity(action.occurredAt(), "activity." + action.action().name(), action.step(),
					null, action.actor(), action.detail()))
			.toList();
	}

	static List<CaseActivity> comments(List<CaseActivity> activity) {
		return activity.stream()
			.filter(entry -> entry.messageKey().equals("activity." + StaffAction.Kind.COMMENTED.name()))
			.toList();
	}

}
