package pe.tramita.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.TramitaTest;

/** Our indexes on Camunda's tables exist after start-up, and their migration can run again on the same database. */
@TramitaTest
class CamundaTableIndexesTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Applications applications;

	@Test
	void theTaskListIndexesExistOnCamundasTables() {
		List<String> indexes = jdbc.queryForList(
				"SELECT indexname FROM pg_indexes WHERE indexname LIKE 'tramita\\_%' ORDER BY indexname", String.class);
		assertThat(indexes).contains("tramita_task_tenant_assignee_due", "tramita_task_tenant_due",
				"tramita_task_owner_tenant", "tramita_identitylink_task_type_group", "tramita_identitylink_tenant_group");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita." + CamundaTableIndexes.HISTORY_TABLE
				+ " WHERE version = '1' AND success", Integer.class)).isEqualTo(1);
	}

	/** The view counts find a task's offices by the links' tenant: the engine must keep copying it from the task. */
	@Test
	void theEngineGivesEveryCandidateLinkItsTasksTenant() {
		applications.fileLicence("060305", RiskLevel.BAJO);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_",
				Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_ "
				+ "WHERE l.tenant_id_ IS DISTINCT FROM t.tenant_id_", Integer.class)).isZero();
	}

	@Test
	void theMigrationIsSafeToRunAgain() throws Exception {
		String sql = new ClassPathResource("db/camunda/V1__task_list_indexes.sql").getContentAsString(StandardCharsets.UTF_8)
			.replace("${camunda}", jdbc.queryForObject("SELECT current_schema()", String.class));
		jdbc.execute(sql);
		jdbc.execute(sql);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'tramita_task_tenant_assignee_due'",
				Integer.class)).isEqualTo(1);
	}

}
