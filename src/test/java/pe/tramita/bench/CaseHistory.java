package pe.tramita.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finished licence cases written straight into the engine's history tables (process instance, its five activity
 * instances — start, three user tasks, end —, its legal due date variable) and our cases, row for row as the engine
 * and Tramita write them, over all 127 municipalities from January 2025 to November 2026. Step durations vary with the
 * case number (review 1–48 h, classification 2–121 h, decision 4–203 h); every 20th case ends by positive silence.
 */
final class CaseHistory {

	private CaseHistory() {
	}

	static void seed(JdbcTemplate jdbc, int cases, String processDefinitionId) {
		jdbc.execute("DROP TABLE IF EXISTS bench_history");
		jdbc.update("""
				CREATE UNLOGGED TABLE bench_history AS
				SELECT n, m.all_ubigeos[n % 127 + 1] AS ubigeo, filed,
				       filed + review AS reviewed, filed + review + classify AS classified,
				       filed + review + classify + decide AS ended, n % 20 = 0 AS silence,
				       (filed + interval '21 days')::date AS due
				FROM (SELECT n, timestamp '2025-01-01 08:00' + ((n::bigint * 7919) % 690) * interval '1 day'
				                + ((n::bigint * 31) % 9) * interval '1 hour' AS filed,
				             (1 + (n::bigint * 13) % 48) * interval '1 hour' AS review,
				             (2 + (n::bigint * 17) % 120) * interval '1 hour' AS classify,
				             (4 + (n::bigint * 19) % 200) * interval '1 hour' AS decide
				      FROM generate_series(1, ?) AS n) c,
				     (SELECT array_agg(ubigeo::text ORDER BY ubigeo) AS all_ubigeos FROM tramita.municipality) m""", cases);
		jdbc.update("""
				INSERT INTO tramita.expediente (case_number, ubigeo, year, sequence, procedure_key, access_code_hash, status,
				    applicant_document_type, applicant_document_number, applicant_name, applicant_email, filed_at, due_date,
				    resolved_at, process_instance_id)
				SELECT ubigeo || '-' || extract(year FROM filed) || '-' || lpad((800000 + n)::text, 6, '0'), ubigeo,
				       extract(year FROM filed), 800000 + n, 'licencia-funcionamiento', repeat('0', 64),
				       CASE WHEN silence THEN 'APROBADO_POR_SILENCIO' ELSE 'APROBADO' END, 'DNI',
				       '6' || lpad((n % 9000000)::text, 7, '0'), 'Solicitante ' || n, 'bench@example.pe', filed, due, ended,
				       'bh-' || n
				FROM bench_history""");
		jdbc.update("""
				INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
				    end_time_, removal_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, tenant_id_, state_)
				SELECT 'bh-' || n, 'bh-' || n, ubigeo || '-' || extract(year FROM filed) || '-' || lpad((800000 + n)::text, 6, '0'),
				       'licencia-funcionamiento', ?, filed, ended, ended + interval '3650 days',
				       (extract(epoch FROM ended - filed) * 1000)::bigint, 'applicationFiled',
				       CASE WHEN silence THEN 'licenceGrantedBySilence' ELSE 'licenceGranted' END, 'bh-' || n, ubigeo,
				       'COMPLETED'
				FROM bench_history""", processDefinitionId);
		String[][] activities = { { "applicationFiled", "Solicitud presentada", "startEvent", "filed", "filed" },
				{ "reviewRequirements", "Revisar requisitos", "userTask", "filed", "reviewed" },
				{ "classifyRisk", "Clasificar el nivel de riesgo", "userTask", "reviewed", "classified" },
				{ "decideLicence", "Resolver la solicitud", "userTask", "classified", "ended" },
				{ "licenceGranted", "Licencia otorgada", "noneEndEvent", "ended", "ended" } };
		for (int i = 0; i < activities.length; i++) {
			String[] a = activities[i];
			jdbc.update("""
					INSERT INTO act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
					    proc_inst_id_, execution_id_, act_id_, task_id_, act_name_, act_type_, start_time_, end_time_,
					    duration_, act_inst_state_, sequence_counter_, tenant_id_, removal_time_)
					SELECT 'bh-a%d-' || n, 'bh-' || n, 'licencia-funcionamiento', ?, 'bh-' || n, 'bh-' || n, 'bh-' || n,
					       '%s', %s, '%s', '%s', %s, %s, (extract(epoch FROM %s - %s) * 1000)::bigint, 4, %d, ubigeo,
					       ended + interval '3650 days'
					FROM bench_history""".formatted(i, a[0], a[2].equals("userTask") ? "'bh-t" + i + "-' || n" : "NULL",
					a[1], a[2], a[3], a[4], a[4], a[3], i + 1), processDefinitionId);
		}
		jdbc.update("""
				INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
				    name_, var_type_, create_time_, rev_, text_, tenant_id_, state_, removal_time_)
				SELECT 'bh-v-' || n, 'licencia-funcionamiento', ?, 'bh-' || n, 'bh-' || n, 'bh-' || n, 'fechaVencimiento',
				       'string', filed, 0, due::text, ubigeo, 'CREATED', ended + interval '3650 days'
				FROM bench_history""", processDefinitionId);
		jdbc.execute("DROP TABLE bench_history");
		for (String table : new String[] { "act_hi_procinst", "act_hi_actinst", "act_hi_varinst", "tramita.expediente" }) {
			jdbc.execute("VACUUM ANALYZE " + table);
		}
	}

}
