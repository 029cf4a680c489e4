package pe.tramita.bench;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backlog of open tasks written straight into Camunda's runtime tables (and our cases), row for row as the engine
 * writes a licence case waiting on a user task: process instance execution, task, candidate office, the instance's
 * variables. SQL makes 100,000 in seconds where starting them through the engine would take the benchmark's whole
 * budget; the benchmark checks that the engine reads and updates them like its own.
 *
 * <p>Tasks 1 to 2,000 are Mesa de Partes tasks of Cajamarca (060101): every 50th is the benchmark clerk's, every 10th
 * a colleague's, the rest unassigned. The others go round all municipalities and six offices, a quarter assigned.
 * Due dates run from 20 days ago to 40 days ahead; DNIs repeat every 60,000 cases.
 */
final class TaskBacklog {

	static final String CLERK = "bench.mesa.060101";

	static final String OFFICE_MUNICIPALITY = "060101";

	static final String[] OFFICES = { "mesa-de-partes", "licencias", "defensa-civil", "gerencia", "servicios-publicos",
			"obras-privadas" };

	private TaskBacklog() {
	}

	/** The DNI of backlog case {@code n}. */
	static String dni(int n) {
		return "7" + String.format("%07d", n % 60_000);
	}

	static void seed(JdbcTemplate jdbc, int tasks, String processDefinitionId, Instant now) {
		jdbc.execute("DROP TABLE IF EXISTS bench_backlog");
		jdbc.update("CREATE UNLOGGED TABLE bench_backlog AS SELECT n, "
				+ "CASE WHEN n <= 2000 THEN '" + OFFICE_MUNICIPALITY + "' ELSE m.all_ubigeos[n % 127 + 1] END AS ubigeo, "
				+ "CASE WHEN n <= 2000 THEN 'mesa-de-partes' ELSE (ARRAY" + officesArray() + ")[(n / 127) % 6 + 1] END AS office, "
				+ "CASE WHEN n <= 2000 AND n % 50 = 1 THEN '" + CLERK + "' "
				+ "     WHEN n <= 2000 AND n % 10 = 0 THEN 'bench.colega.060101' "
				+ "     WHEN n > 2000 AND n % 4 = 0 THEN 'bench.u' || (n % 500) END AS assignee, "
				+ "'7' || lpad((n % 60000)::text, 7, '0') AS dni, "
				+ "(ARRAY['Rosa','Pedro','Juana','Luis','María','José','Carmen','Jorge','Ana','Julio'])[n % 10 + 1] || ' ' || "
				+ "(ARRAY['Quispe','Huamán','Chávez','Cerna','Vásquez','Sánchez','Rojas','Díaz','Terrones','Mendoza'])[(n / 10) % 10 + 1] || ' ' || "
				+ "(ARRAY['Ñahui','Castro','Aliaga','Gálvez','Sáenz','Cueva','Tello','Alcántara','Bazán','Ortiz'])[(n / 100) % 10 + 1] AS applicant, "
				+ "?::timestamp - ((n::bigint * 104729) % 90) * interval '1 day' - n * interval '1 second' AS created, "
				+ "?::timestamp + (((n::bigint * 7919) % 61) - 20) * interval '1 day' AS due "
				+ "FROM generate_series(1, ?) AS n, "
				+ "(SELECT array_agg(ubigeo::text ORDER BY ubigeo) AS all_ubigeos FROM tramita.municipality) AS m",
				Timestamp.from(now), Timestamp.from(now), tasks);
		jdbc.update("""
				INSERT INTO tramita.expediente (case_number, ubigeo, year, sequence, procedure_key, access_code_hash, status,
				    applicant_document_type, applicant_document_number, applicant_name, applicant_email, filed_at, due_date,
				    process_instance_id)
				SELECT ubigeo || '-2025-' || lpad(n::text, 6, '0'), ubigeo, 2025, n, 'licencia-funcionamiento',
				       repeat('0', 64), 'EN_TRAMITE', 'DNI', dni, applicant, 'bench@example.pe', created, due::date,
				       'bench-pi-' || n
				FROM bench_backlog""");
		jdbc.update("""
				INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_,
				    act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
				    sequence_counter_, tenant_id_, proc_def_key_)
				SELECT 'bench-pi-' || n, 1, 'bench-pi-' || n, 'bench-pi-' || n, ubigeo || '-2025-' || lpad(n::text, 6, '0'),
				       ?, 'reviewRequirements', true, false, true, false, 1, 0, 1, ubigeo, 'licencia-funcionamiento'
				FROM bench_backlog""", processDefinitionId);
		jdbc.update("""
				INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
				    assignee_, priority_, create_time_, last_updated_, due_date_, suspension_state_, tenant_id_, task_state_)
				SELECT 'bench-t-' || n, 1, 'bench-pi-' || n, 'bench-pi-' || n, ?, 'Revisar requisitos', 'reviewRequirements',
				       assignee, CASE WHEN n % 7 = 0 THEN 70 ELSE 50 END, created, created, due, 1, ubigeo, 'Created'
				FROM bench_backlog""", processDefinitionId);
		jdbc.update("""
				INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_, tenant_id_)
				SELECT 'bench-l-' || n, 1, office, 'candidate', 'bench-t-' || n, ubigeo FROM bench_backlog""");
		// the variables a real case carries, and the applicant's DNI that Camunda's own search would need
		for (String[] variable : new String[][] { { "municipio", "string", "ubigeo", null },
				{ "fechaLimite", "string", "to_char(due, 'YYYY-MM-DD')", null },
				{ "expedienteId", "long", null, "n" }, { "documentoSolicitante", "string", "dni", null } }) {
			jdbc.update("""
					INSERT INTO act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_,
					    long_, text_, var_scope_, sequence_counter_, is_concurrent_local_, tenant_id_)
					SELECT 'bench-v-%s-' || n, 1, '%s', '%s', 'bench-pi-' || n, 'bench-pi-' || n, ?, %s, %s,
					       'bench-pi-' || n, 1, false, ubigeo
					FROM bench_backlog""".formatted(variable[0], variable[1], variable[0], variable[3], variable[2]),
					processDefinitionId);
		}
		jdbc.execute("DROP TABLE bench_backlog");
		// what autovacuum does to a backlog that has stood a while: statistics and the visibility map
		for (String table : new String[] { "act_ru_task", "act_ru_identitylink", "act_ru_execution", "act_ru_variable",
				"tramita.expediente" }) {
			jdbc.execute("VACUUM ANALYZE " + table);
		}
	}

	private static String officesArray() {
		StringBuilder array = new StringBuilder("[");
		for (int i = 0; i < OFFICES.length; i++) {
			array.append(i == 0 ? "" : ",").append('\'').append(OFFICES[i]).append('\'');
		}
		return array.append(']').toString();
	}

}
