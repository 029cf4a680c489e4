package pe.tramita.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * A node on a shared PostgreSQL, as soon as its connection pool exists: it refuses another node's embedded server,
 * and it starts alone. Nodes launched together would otherwise make Camunda's tables, run the migrations, and seed
 * offices and users at the same time; a PostgreSQL advisory lock, held from here until the node is ready, makes them
 * take turns (and is released by the server if the node dies on the way).
 */
class ExternalDatabaseStart implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseStart.class);

	/** The advisory lock's key: any number no other program on the database uses. */
	static final long START_LOCK = 0x7472616d697461L; // "tramita"

	private Connection holding;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && holding == null) {
			try {
				holding = dataSource.getConnection();
				refuseAnEmbeddedServer(holding);
				startAlone(holding);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Cannot reach the database to start: " + e.getMessage(), e);
			}
		}
		return bean;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		release();
	}

	@Override
	public void destroy() {
		release();
	}

	private static void refuseAnEmbeddedServer(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet marker = statement.executeQuery("SELECT current_setting('" + EmbeddedDatabase.MARKER + "', true)")) {
			if (marker.next() && "on".equals(marker.getString(1))) {
				// the address without its parameters, where a password may be written
				String server = connection.getMetaData().getURL().replaceFirst("\\?.*", "");
				throw new SecondNodeRefusedException("SPRING_DATASOURCE_URL points at the embedded PostgreSQL of another "
						+ "Tramita node (" + server + "): this node does not start.");
			}
		}
	}

	private static void startAlone(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet free = statement.executeQuery("SELECT pg_try_advisory_lock(" + START_LOCK + ")")) {
				if (free.next() && free.getBoolean(1)) {
					return;
				}
			}
			log.info("Another node is starting on this database; this one starts when it is ready");
			statement.execute("SET lock_timeout = '5min'");
			statement.execute("SELECT pg_advisory_lock(" + START_LOCK + ")");
			statement.execute("RESET lock_timeout");
		}
	}

	private synchronized void release() {
		if (holding == null) {
			return;
		}
		try (Connection connection = holding; Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(" + START_LOCK + ")");
		}
		catch (SQLException e) {
			log.debug("The start lock went with its connection", e);
		}
		holding = null;
	}

}
