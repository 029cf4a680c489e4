package pe.tramita.engine;

import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our indexes on Camunda's {@code ACT_*} tables, as Flyway migrations under {@code db/camunda}. They run after the
 * engine has created or updated its schema (the app's own migrations run before it, when those tables may not exist
 * yet), with their own history table in the {@code tramita} schema.
 */
@Configuration(proxyBeanMethods = false)
class CamundaTableIndexes {

	static final String HISTORY_TABLE = "flyway_camunda_indexes_history";

	/** Not a {@code Flyway} bean: one would make Spring Boot drop its own Flyway for the app's schema. */
	@Bean
	MigrateResult camundaIndexMigrations(DataSource dataSource, ProcessEngine engineWithItsSchema) {
		String camundaSchema = new JdbcTemplate(dataSource).queryForObject(
				"SELECT table_schema FROM information_schema.tables WHERE lower(table_name) = 'act_ru_task' LIMIT 1",
				String.class);
		Flyway flyway = Flyway.configure()
			.dataSource(dataSource)
			.schemas("tramita")
			.table(HISTORY_TABLE)
			.locations("classpath:db/camunda")
			.placeholders(Map.of("camunda", camundaSchema))
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
		return flyway.migrate();
	}

}
