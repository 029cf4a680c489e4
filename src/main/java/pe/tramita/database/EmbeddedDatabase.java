package pe.tramita.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started in-process, its cluster kept under {@code <data-dir>/postgres} so a restart keeps
 * every case. Used only when no external database is configured.
 */
public class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(Path dataDir) throws IOException {
		Path cluster = dataDir.resolve("postgres").toAbsolutePath();
		Path work = dataDir.resolve("postgres-bin").toAbsolutePath();
		Files.createDirectories(cluster.getParent());
		Files.createDirectories(work);
		stopStaleServer(cluster);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(work.toFile())
			// without this the JVM waits 60 s for the hook at shutdown; Spring closes us instead
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("timezone", "America/Lima")
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), cluster);
		return new EmbeddedDatabase(postgres);
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	/**
	 * After a kill -9 of the JVM the postmaster it started keeps running and holds postmaster.pid, so a new server on
	 * the same cluster would refuse to start. Stop it; PostgreSQL itself replaces a pid file whose process is gone.
	 */
	static void stopStaleServer(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> stale = Files.readAllLines(pidFile).stream().findFirst()
			.map(String::trim)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedDatabase::isPostgres);
		if (stale.isEmpty()) {
			return;
		}
		ProcessHandle server = stale.get();
		log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run", server.pid(), cluster);
		server.destroy();
		try {
			server.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (Exception notStoppedInTime) {
			server.destroyForcibly();
			server.onExit().join();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

}
