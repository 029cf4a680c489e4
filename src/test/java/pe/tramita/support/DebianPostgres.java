package pe.tramita.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared database of the multi-node tests: Debian's own PostgreSQL server (package {@code postgresql}, installed by
 * {@code .ci/run}), as a municipal IT office would run it, in a cluster of the test's own on a free port, with a
 * password. Run as the {@code postgres} user when the tests run as root (the server refuses root).
 */
public class DebianPostgres implements AutoCloseable {

	public static final String USER = "tramita";

	public static final String PASSWORD = "Clave-De-Prueba-15";

	public static final String DATABASE = "tramita";

	private final Path bin;

	private final Path dir;

	private final int port;

	private DebianPostgres(Path bin, Path dir, int port) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
	}

	/** A new cluster in {@code dir} (emptied first) with the database {@value #DATABASE}, running. */
	public static DebianPostgres create(Path dir) throws Exception {
		Path bin = serverBinaries();
		Folders.delete(dir);
		Files.createDirectories(dir);
		DebianPostgres postgres = new DebianPostgres(bin, dir.toAbsolutePath(), freePort());
		Path passwordFile = dir.resolve("pwfile");
		Files.writeString(passwordFile, PASSWORD + "\n");
		postgres.giveToServerUser(dir);
		postgres.asServerUser(bin.resolve("initdb").toString(), "-D", postgres.data().toString(), "-U", USER,
				"--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8");
		Files.delete(passwordFile);
		postgres.start();
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), USER, PASSWORD)) {
			connection.createStatement().execute("CREATE DATABASE " + DATABASE);
		}
		return postgres;
	}

	/** The settings a node takes from its environment file to use this server. */
	public Map<String, String> nodeEnvironment() {
		return Map.of("SPRING_DATASOURCE_URL", jdbcUrl(DATABASE), "SPRING_DATASOURCE_USERNAME", USER,
				"SPRING_DATASOURCE_PASSWORD", PASSWORD);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(DATABASE), USER, PASSWORD);
	}

	public void start() throws Exception {
		asServerUser(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log").toString(),
				"-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories='' -c max_connections=200",
				"-w", "start");
	}

	/** Fast shutdown: sessions are cut, as when the database server goes away. */
	public void stop() throws Exception {
		asServerUser(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop");
	}

	/** A program of PostgreSQL's client tools, as the operator runs them; answers its output (stdout and stderr). */
	public static Path clientTool(String name) throws IOException {
		return serverBinaries().resolve(name);
	}

	public int port() {
		return port;
	}

	@Override
	public void close() throws Exception {
		if (Files.exists(data().resolve("postmaster.pid"))) {
			stop();
		}
	}

	private Path data() {
		return dir.resolve("data");
	}

	/** The newest PostgreSQL server Debian installed under /usr/lib/postgresql. */
	static Path serverBinaries() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				var newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
					.max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())));
				if (newest.isPresent()) {
					return newest.get().resolve("bin");
				}
			}
		}
		throw new IllegalStateException("No PostgreSQL server under /usr/lib/postgresql: the multi-node tests need "
				+ "Debian's package postgresql (apt-get install postgresql; .ci/run installs it)");
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private void giveToServerUser(Path path) throws Exception {
		if (root()) {
			run(List.of("chown", "-R", "postgres:postgres", path.toString()));
		}
	}

	private void asServerUser(String... command) throws Exception {
		List<String> full = new ArrayList<>();
		if (root()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		run(full);
	}

	/** A server program; when it fails, the server's own log comes with its output. */
	private void run(List<String> command) throws Exception {
		try {
			Commands.run(command);
		}
		catch (IllegalStateException failed) {
			Path log = dir.resolve("server.log");
			throw new IllegalStateException(failed.getMessage() + (Files.exists(log) ? Files.readString(log) : ""));
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
