package pe.tramita.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import pe.tramita.municipality.MunicipalityTenantIdProvider;

/**
 * A plain Camunda engine on Tramita's database with Tramita's engine settings (full history, pooled connections,
 * CMMN and DMN off, tenant per municipality), and nothing else: no Spring, no web, no app tables.
 */
final class BareEngine implements AutoCloseable {

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	BareEngine(String jdbcUrl) {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(jdbcUrl);
		pool.setMaximumPoolSize(20);
		this.dataSource = new HikariDataSource(pool);
		StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bench-baseline");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setCmmnEnabled(false);
		configuration.setDmnEnabled(false);
		configuration.setTenantIdProvider(new MunicipalityTenantIdProvider());
		this.engine = configuration.buildProcessEngine();
		engine.getRepositoryService().createDeployment()
			.name("bench")
			.addClasspathResource("bench/bench-three-user-tasks.bpmn")
			.enableDuplicateFiltering(true)
			.deploy();
	}

	ProcessEngine engine() {
		return engine;
	}

	@Override
	public void close() {
		engine.close();
		dataSource.close();
	}

}
