package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import pe.tramita.security.PrivateFiles;

/**
 * The embedded server as an operator would find it: durable unless a test asks otherwise, reachable only by whoever
 * holds the generated password, over loopback TCP (no Unix socket), its folders private to their owner — and a
 * cluster made before all this is closed on its next start.
 */
class EmbeddedDatabaseSafetyTests {

	@Test
	void aNewServerIsDurableAndOpensOnlyWithItsPassword() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("safe");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
					Statement sql = connection.createStatement()) {
				assertThat(setting(sql, "fsync")).isEqualTo("on");
				assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
				assertThat(setting(sql, "full_page_writes")).isEqualTo("on");
				assertThat(setting(sql, "listen_addresses")).isEqualTo("localhost");
				assertThat(setting(sql, "unix_socket_directories")).isEmpty();
				assertThat(authenticationMethods(sql)).isNotEmpty().allMatch("scram-sha-256"::equals);
			}
			for (String wrong : List.of("", "postgres", database.password() + "x")) {
				assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.user(), wrong).close())
					.as("password «%s»", wrong).isInstanceOf(SQLException.class);
			}
			int port = portOf(database);
			assertThat(Files.exists(Path.of("/tmp/.s.PGSQL." + port))).as("no Unix socket").isFalse();
			for (InetAddress address : otherAddressesOfThisMachine()) {
				assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(address, port), 1000))
					.as("listening on %s", address).isInstanceOf(java.io.IOException.class);
			}
			assertThat(permissions(dataDir)).isEqualTo("rwx------");
			assertThat(permissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
			assertThat(Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip())
				.isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
			try (Stream<Path> everything = Files.walk(dataDir)) {
				assertThat(everything.filter(path -> !Files.isSymbolicLink(path)).filter(PrivateFiles::isOpenToOthers))
					.as("files and folders other users could read or change").isEmpty();
			}
		}
	}

	@Test
	void theServerKeepsItsPasswordAcrossRestarts() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("restart-password");
		String first;
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			first = database.password();
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
				Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), first)) {
			assertThat(database.password()).isEqualTo(first);
			assertThat(connection.isValid(1)).isTrue();
		}
	}

	@Test
	void testsMayTradeDurabilityForSpeedOnlyWhenTheyAsk() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseTests.freshDirectory("fast"), false);
				Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				Statement sql = connection.createStatement()) {
			assertThat(setting(sql, "fsync")).isEqualTo("off");
			assertThat(setting(sql, "synchronous_commit")).isEqualTo("off");
		}
	}

	@Test
	void aClusterThatTrustedEveryLocalUserAsksForThePasswordFromItsNextStart() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("legacy");
		Path cluster = dataDir.resolve("postgres");
		// as the earlier versions made it: the library's defaults, trust authentication, no password
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile()).setRegisterShutdownHook(false).start();
				Connection connection = legacy.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE kept (note text)");
			sql.execute("INSERT INTO kept VALUES ('sigue aquí')");
			assertThat(authenticationMethods(sql)).contains("trust");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.user(), "").close())
				.isInstanceOf(SQLException.class);
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
					Statement sql = connection.createStatement();
					ResultSet kept = sql.executeQuery("SELECT note FROM kept")) {
				assertThat(kept.next()).isTrue();
				assertThat(kept.getString(1)).isEqualTo("sigue aquí");
				assertThat(authenticationMethods(sql)).isNotEmpty().allMatch("scram-sha-256"::equals);
			}
		}
	}

	private static String setting(Statement sql, String name) throws SQLException {
		try (ResultSet value = sql.executeQuery("SELECT current_setting('" + name + "')")) {
			value.next();
			return value.getString(1);
		}
	}

	private static List<String> authenticationMethods(Statement sql) throws SQLException {
		List<String> methods = new ArrayList<>();
		try (ResultSet rules = sql.executeQuery("SELECT auth_method FROM pg_hba_file_rules WHERE error IS NULL")) {
			while (rules.next()) {
				methods.add(rules.getString(1));
			}
		}
		return methods;
	}

	private static int portOf(EmbeddedDatabase database) {
		return Integer.parseInt(database.jdbcUrl().replaceAll(".*localhost:(\\d+)/.*", "$1"));
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	/** This machine's addresses other than loopback, if it has any. */
	private static List<InetAddress> otherAddressesOfThisMachine() throws Exception {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
					addresses.add(address);
				}
			}
		}
		return addresses;
	}

}
