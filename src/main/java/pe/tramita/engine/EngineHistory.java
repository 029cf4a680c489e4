package pe.tramita.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What the engine's history says about finished processes and their user tasks, read in bulk. */
@Component
public class EngineHistory {

	private final NamedParameterJdbcTemplate jdbc;

	EngineHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public record FinishedProcess(String processInstanceId, int version, Instant started, Instant ended) {
	}

	public record FinishedUserTask(String processInstanceId, String taskId, String activityId, String activityName,
			Instant started, Instant ended) {
	}

	/** The processes among these that have ended, by process instance id, with the version of their model. */
	public Map<String, FinishedProcess> finishedProcesses(Collection<String> processInstanceIds) {
		Map<String, FinishedProcess> finished = new HashMap<>();
		if (processInstanceIds.isEmpty()) {
			return finished;
		}
		jdbc.query("""
				SELECT h.id_, d.version_, h.start_time_, h.end_time_
				FROM act_hi_procinst h JOIN act_re_procdef d ON d.id_ = h.proc_def_id_
				WHERE h.id_ IN (:instances) AND h.end_time_ IS NOT NULL""", Map.of("instances", processInstanceIds),
				rs -> {
					finished.put(rs.getString(1), new FinishedProcess(rs.getString(1), rs.getInt(2), instant(rs.getTimestamp(3)),
							instant(rs.getTimestamp(4))));
				});
		return finished;
	}

	/** The finished user tasks of these processes. */
	public List<FinishedUserTask> finishedUserTasks(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT a.proc_inst_id_, a.task_id_, a.act_id_, a.act_name_, a.start_time_, a.end_time_
				FROM act_hi_actinst a
				WHERE a.proc_inst_id_ IN (:instances) AND a.act_type_ = 'userTask' AND a.end_time_ IS NOT NULL""",
				Map.of("instances", processInstanceIds), (rs, n) -> new FinishedUserTask(rs.getString(1), rs.getString(2),
						rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
