package pe.tramita.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The processes that are running, per version of a model, read from the engine's executions. */
@Component
public class RunningCases {

	private final JdbcTemplate jdbc;

	RunningCases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A running case: its process, number and municipality. */
	public record RunningCase(String processInstanceId, String caseNumber, String ubigeo) {
	}

	/** Running processes per process definition id, for every version at once. */
	public Map<String, Long> countByVersion() {
		Map<String, Long> running = new HashMap<>();
		jdbc.query("SELECT proc_def_id_, count(*) AS cases FROM act_ru_execution WHERE parent_id_ IS NULL GROUP BY 1",
				rs -> {
					running.put(rs.getString(1), rs.getLong(2));
				});
		return running;
	}

	public long count(String processDefinitionId) {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL AND proc_def_id_ = ?",
				Long.class, processDefinitionId);
	}

	/** The version's running cases, by case number. */
	public List<RunningCase> of(String processDefinitionId) {
		return jdbc.query("""
				SELECT e.process_instance_id, e.case_number, e.ubigeo
				FROM act_ru_execution x JOIN tramita.case_summary e ON e.process_instance_id = x.id_
				WHERE x.proc_def_id_ = ? AND x.parent_id_ IS NULL
				ORDER BY e.case_number""", (rs, n) -> new RunningCase(rs.getString(1), rs.getString(2), rs.getString(3)),
				processDefinitionId);
	}

}
