package pe.tramita.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.tramita.security.PrivateFiles;

/**
 * A real PostgreSQL server started in-process, its cluster kept under {@code <data-dir>/postgres} so a restart keeps
 * every case. Used only when no external database is configured.
 * <p>
 * Durable by default: every commit is on disk before the filing is acknowledged (fsync, synchronous commit, full page
 * writes — the library's own defaults turn them off, for tests). Reachable by this application only: it listens on
 * loopback TCP, has no Unix socket, asks for a password generated on first start and kept, readable by its owner
 * only, in {@code <data-dir>/postgres-password}; the data folder and the binaries are private to the owner.
 */
public class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String USER = "postgres";

	static final String PASSWORD_FILE = "postgres-password";

	/** Held by the node that runs the server, for its whole life; the system releases it when that JVM dies. */
	static final String NODE_LOCK_FILE = "node.lock";

	/**
	 * A server setting of every server this class starts: a node configured with an external database that finds it
	 * is pointing at another node's embedded server. Not a database setting, so no dump carries it elsewhere.
	 */
	static final String MARKER = "tramita.embedded";

	private static final String LOCAL_ONLY_PASSWORD_RULES = """
			# Tramita: the application only, over loopback TCP, with the password in ../postgres-password
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final String password;

	private final FileChannel nodeLock;

	private EmbeddedDatabase(EmbeddedPostgres postgres, String password, FileChannel nodeLock) {
		this.postgres = postgres;
		this.password = password;
		this.nodeLock = nodeLock;
	}

	/** The durable server the application runs on. */
	public static EmbeddedDatabase start(Path dataDir) throws IOException {
		return start(dataDir, true);
	}

	/** {@code durable = false} trades losing the last commits on a crash for speed: for tests only. */
	public static EmbeddedDatabase start(Path dataDir, boolean durable) throws IOException {
		Path root = PrivateFiles.directory(dataDir.toAbsolutePath());
		Path cluster = root.resolve("postgres");
		Path work = root.resolve("postgres-bin");
		Files.createDirectories(work);
		FileChannel nodeLock = claimForThisNode(root);
		try {
			return start(root, cluster, work, durable, nodeLock);
		}
		catch (IOException | RuntimeException e) {
			nodeLock.close();
			throw e;
		}
	}

	private static EmbeddedDatabase start(Path root, Path cluster, Path work, boolean durable, FileChannel nodeLock)
			throws IOException {
		stopStaleServer(cluster);
		String password = password(root.resolve(PASSWORD_FILE));
		boolean fresh = !Files.exists(cluster.resolve("postgresql.conf"));
		Path passwordForInitdb = root.resolve("initdb-password");
		String onOff = durable ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(work.toFile())
			// without this the JVM waits 60 s for the hook at shutdown; Spring closes us instead
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setConnectConfig("password", password)
			.setServerConfig("timezone", "America/Lima")
			.setServerConfig("max_connections", "100")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig(MARKER, "on")
			// the library passes -F (fsync off) to the server; these come after it and win
			.setServerConfig("fsync", onOff)
			.setServerConfig("synchronous_commit", onOff)
			.setServerConfig("full_page_writes", onOff)
			.setLocaleConfig("encoding", "UTF8");
		if (fresh) {
			// initdb takes these after the library's "-A trust": the superuser gets its password from the start
			PrivateFiles.write(passwordForInitdb, password.getBytes(StandardCharsets.UTF_8));
			builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordForInitdb.toString());
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			Files.deleteIfExists(passwordForInitdb);
		}
		EmbeddedDatabase database = new EmbeddedDatabase(postgres, password, nodeLock);
		database.requirePasswords(cluster);
		// the library opens its working folder to everyone so other users can share the binaries, and leaves its lock
		// file readable (PostgreSQL keeps its own files private)
		PrivateFiles.restrict(work);
		PrivateFiles.restrict(cluster.resolve("epg-lock"));
		log.info("Embedded PostgreSQL on port {} with data in {}{}", postgres.getPort(), cluster,
				durable ? "" : " (not durable: fsync and synchronous commit off)");
		return database;
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl(USER, "postgres");
	}

	public String user() {
		return USER;
	}

	public String password() {
		return password;
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			nodeLock.close();
		}
	}

	/**
	 * Only one node may run the embedded server on a data folder: a second one would stop the first one's server
	 * (taking it for one left behind by a crash) and strand it.
	 */
	private static FileChannel claimForThisNode(Path root) throws IOException {
		Path file = root.resolve(NODE_LOCK_FILE);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		PrivateFiles.restrict(file);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException heldInThisJvm) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
			throw new SecondNodeRefusedException("The embedded PostgreSQL in " + root + " belongs to another Tramita node"
					+ (owner.isEmpty() ? "" : " (" + owner + ")") + " that is running: this node does not start.");
		}
		channel.truncate(0);
		channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"));
		channel.force(false);
		return channel;
	}

	/** The server's password, made on the first start and kept where only this user can read it. */
	private static String password(Path file) throws IOException {
		if (Files.exists(file)) {
			PrivateFiles.restrict(file);
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		String password = HexFormat.of().formatHex(secret);
		PrivateFiles.write(file, password.getBytes(StandardCharsets.UTF_8));
		return password;
	}

	/**
	 * A cluster made before passwords were required (every local user could connect as its superuser): give the
	 * superuser the password, then accept only password connections over loopback.
	 */
	private void requirePasswords(Path cluster) throws IOException {
		Path rules = cluster.resolve("pg_hba.conf");
		boolean trusting = Files.readAllLines(rules).stream()
			.map(String::strip)
			.anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
		if (!trusting) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, password);
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
			Files.writeString(rules, LOCAL_ONLY_PASSWORD_RULES);
			statement.execute("SELECT pg_reload_conf()");
			log.warn("The embedded PostgreSQL in {} accepted any local user without a password: now it asks for the "
					+ "one in {}", cluster, PASSWORD_FILE);
		}
		catch (SQLException e) {
			throw new IOException("Cannot set the embedded PostgreSQL's password", e);
		}
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
