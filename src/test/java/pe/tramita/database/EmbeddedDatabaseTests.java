package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import pe.tramita.TramitaApplication;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.Folders;

/** The embedded database keeps data across restarts, stops quickly, and recovers from a killed JVM. */
@Tag("own-jvm") // starts and stops applications of its own, which must not meet the shared test context
class EmbeddedDatabaseTests {

	@Test
	void casesSurviveAStopAndStartOfTheApplication() throws Exception {
		Path dataDir = freshDirectory("restart");
		ConfigurableApplicationContext first = start(dataDir);
		Filing filing = first.getBean(Applications.class).fileLicence("060101", RiskLevel.BAJO);
		long stopStarted = System.nanoTime();
		first.close();
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopStarted)).as("seconds to stop").isLessThan(10);
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("server stopped with the app").isFalse();

		try (ConfigurableApplicationContext second = start(dataDir)) {
			Expedientes expedientes = second.getBean(Expedientes.class);
			assertThat(expedientes.findForCitizen(filing.caseNumber(), filing.accessCode())).isPresent();
			Filing next = second.getBean(Applications.class).fileLicence("060101", RiskLevel.BAJO);
			assertThat(sequenceOf(next)).isEqualTo(sequenceOf(filing) + 1);
		}
	}

	@Test
	void aServerLeftRunningByAKilledJvmIsStoppedAndItsDataKept() throws Exception {
		Path dataDir = freshDirectory("killed");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StartEmbeddedDatabaseAndWait.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.contains("READY")) {
				// wait for the child's server
			}
			assertThat(line).as("child JVM started its server").isNotNull();
		}
		String stalePid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim();
		child.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(Long.parseLong(stalePid)).map(ProcessHandle::isAlive)).as("postmaster outlived its JVM")
			.contains(true);

		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
				Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				ResultSet marker = connection.createStatement().executeQuery("SELECT note FROM written_before_kill")) {
			assertThat(marker.next()).isTrue();
			assertThat(marker.getString(1)).isEqualTo("sigue aquí");
			assertThat(ProcessHandle.of(Long.parseLong(stalePid)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	@Test
	void aSecondNodeOnTheEmbeddedDatabaseIsRefusedAndTheFirstCarriesOn() throws Exception {
		Path dataDir = freshDirectory("second");
		try (ConfigurableApplicationContext first = start(dataDir)) {
			EmbeddedDatabase database = first.getBean(EmbeddedDatabase.class);
			assertThatThrownBy(() -> start(dataDir)).as("a second node on the same data folder").rootCause()
				.isInstanceOf(SecondNodeRefusedException.class)
				.hasMessageContaining("belongs to another Tramita node (pid " + ProcessHandle.current().pid() + ")");
			assertThatThrownBy(() -> new SpringApplicationBuilder(TramitaApplication.class).profiles("test")
				.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
						"--spring.datasource.password=" + database.password(), "--tramita.data-dir=" + freshDirectory("third"),
						"--server.port=0", "--spring.main.banner-mode=off"))
				.as("a node told to use the first one's server").rootCause()
				.isInstanceOf(SecondNodeRefusedException.class)
				.hasMessageContaining("points at the embedded PostgreSQL of another Tramita node");
			Filing filing = first.getBean(Applications.class).fileLicence("060101", RiskLevel.BAJO);
			assertThat(first.getBean(Expedientes.class).findForCitizen(filing.caseNumber(), filing.accessCode()))
				.as("the first node carries on").isPresent();
		}
	}

	@Test
	void anExternalDatabaseIsUsedWhenItsUrlIsGiven() throws Exception {
		Path external = freshDirectory("external");
		Path unused = freshDirectory("unused");
		// a plain PostgreSQL server (not one an embedded node runs)
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(external.resolve("pg"))
				.setCleanDataDirectory(true).start();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(TramitaApplication.class)
					.profiles("test")
					.run("--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres", "--tramita.data-dir=" + unused,
							"--server.port=0", "--spring.main.banner-mode=off")) {
			assertThat(app.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
			assertThat(Files.exists(unused.resolve("postgres"))).isFalse();
			Filing filing = app.getBean(Applications.class).fileLicence("060108", RiskLevel.MEDIO);
			try (Connection connection = server.getPostgresDatabase().getConnection();
					ResultSet row = connection.createStatement()
						.executeQuery("SELECT ubigeo FROM tramita.expediente WHERE case_number = '" + filing.caseNumber() + "'")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("060108");
			}
		}
	}

	private static int sequenceOf(Filing filing) {
		return Integer.parseInt(filing.caseNumber().substring(filing.caseNumber().lastIndexOf('-') + 1));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(TramitaApplication.class)
			.profiles("test")
			// arguments, not default properties: application.yml's data-dir would win over those
			.run("--tramita.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off");
	}

	static Path freshDirectory(String name) throws Exception {
		Path dir = Path.of("target", "test-data", name + "-" + ProcessHandle.current().pid());
		Folders.delete(dir);
		return Files.createDirectories(dir);
	}

}
