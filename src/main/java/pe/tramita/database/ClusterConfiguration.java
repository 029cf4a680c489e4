package pe.tramita.database;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Any number of identical nodes on one database. Scheduled work marked {@code @SchedulerLock} runs on one node per
 * interval (ShedLock's row in {@code tramita.shedlock}, timed by the database's clock, not the nodes'); the rest,
 * such as reading the cache generations, runs on every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("tramita.shedlock")
			.usingDbTime()
			.build());
	}

	/** Only with a database of its own: the embedded one has a single node by construction. */
	@Bean
	@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
	static ExternalDatabaseStart externalDatabaseStart() {
		return new ExternalDatabaseStart();
	}

}
