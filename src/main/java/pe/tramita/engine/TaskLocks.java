package pe.tramita.engine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Row locks on the engine's tasks, for what its optimistic locking alone does not serialize. */
@Component
public class TaskLocks {

	private final JdbcTemplate jdbc;

	TaskLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for any other transaction that locked the task and locks it until this transaction ends; false when the
	 * task no longer exists (it was completed meanwhile).
	 */
	public boolean lockUntilTransactionEnds(String taskId) {
		return !jdbc.queryForList("SELECT id_ FROM act_ru_task WHERE id_ = ? FOR UPDATE", String.class, taskId).isEmpty();
	}

}
