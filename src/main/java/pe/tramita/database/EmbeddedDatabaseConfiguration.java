package pe.tramita.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** No {@code spring.datasource.url} given: start the embedded PostgreSQL and pool connections to it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${tramita.data-dir}") Path dataDir,
			@Value("${tramita.database.durable:true}") boolean durable) throws IOException {
		return EmbeddedDatabase.start(dataDir, durable);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database, DataSourceProperties properties) {
		properties.setUrl(database.jdbcUrl());
		properties.setUsername(database.user());
		properties.setPassword(database.password());
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

}
