package pe.tramita.tasklist;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** When each task was first claimed or assigned, from the staff audit: the start of the work on it. */
@Component
public class TaskClaims {

	private final NamedParameterJdbcTemplate jdbc;

	TaskClaims(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Instant> firstClaims(Collection<String> taskIds) {
		Map<String, Instant> claims = new HashMap<>();
		if (taskIds.isEmpty()) {
			return claims;
		}
		jdbc.query("""
				SELECT task_id, min(occurred_at) FROM tramita.staff_action
				WHERE task_id IN (:tasks) AND action IN ('CLAIMED', 'ASSIGNED')
				GROUP BY task_id""", Map.of("tasks", taskIds), rs -> {
					claims.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				});
		return claims;
	}

}
