package pe.tramita.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM by {@link EmbeddedDatabaseTests}: starts the server, writes a row, says READY, and waits to be killed. */
public final class StartEmbeddedDatabaseAndWait {

	private StartEmbeddedDatabaseAndWait() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
			connection.createStatement().execute("CREATE TABLE written_before_kill (note text)");
			connection.createStatement().execute("INSERT INTO written_before_kill VALUES ('sigue aquí')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(120_000);
	}

}
