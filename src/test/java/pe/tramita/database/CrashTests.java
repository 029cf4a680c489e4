package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.HttpVisitor.Multipart;
import pe.tramita.support.SampleFiles;

/**
 * Citizens file concurrently over HTTP; the application's JVM and its PostgreSQL are killed (SIGKILL) in the middle;
 * the application starts again on the same data. Every filing that was acknowledged (its receipt handed out) is there
 * with its document and its process, its receipt still opens after the restart, and case numbers run without gaps
 * and are never given twice. Runs the application with its production settings (durable database).
 */
@Tag("own-jvm")
class CrashTests {

	private static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	private static final int CITIZENS = 8;

	/** -Dcrash.durable=false shows what the test catches: the embedded server's old, non-durable settings. */
	private static final String DURABLE = System.getProperty("crash.durable", "true");

	@Test
	void everyAcknowledgedFilingSurvivesAKillOfTheJvmAndItsDatabase() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("crash");
		List<String> receipts = Collections.synchronizedList(new ArrayList<>());
		int firstPort = freePort();
		try (ChildApplication first = ChildApplication.start(dataDir, firstPort, dataDir.resolveSibling("crash-first.log"))) {
			first.awaitHealthy();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService citizens = Executors.newFixedThreadPool(CITIZENS);
			for (int i = 0; i < CITIZENS; i++) {
				citizens.submit(() -> fileUntilStopped(firstPort, running, receipts));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (receipts.size() < 60 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			first.killWithItsDatabase(dataDir);
			running.set(false);
			citizens.shutdown();
			assertThat(citizens.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(receipts).as("filings acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);

		int secondPort = freePort();
		try (ChildApplication second = ChildApplication.start(dataDir, secondPort, dataDir.resolveSibling("crash-second.log"))) {
			second.awaitHealthy();
			HttpClient client = HttpClient.newHttpClient();
			List<String> acknowledgedNumbers = new ArrayList<>();
			for (String receipt : receipts) {
				HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort
						+ "/m/060101/tramites/licencia-funcionamiento/presentada")).header("Cookie", "tramita-recibo=" + receipt)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).as("the receipt opens after the restart").isEqualTo(200);
				String number = textOf(page.body(), "case-number");
				String code = textOf(page.body(), "access-code");
				acknowledgedNumbers.add(number);
				HttpVisitor citizen = new HttpVisitor(secondPort);
				citizen.get("/consulta");
				String status = citizen.postForm("/consulta", Map.of("expediente", number, "codigo", code)).body();
				assertThat(status).as(number).contains(number, "dj.pdf", "Revisar requisitos");
			}

			List<Integer> sequences = new ArrayList<>();
			try (Connection db = second.database(); ResultSet rows = db.createStatement().executeQuery("""
					SELECT e.sequence, e.case_number, count(d.id) AS documents,
					       (SELECT count(*) FROM act_hi_procinst p WHERE p.id_ = e.process_instance_id) AS processes
					FROM tramita.expediente e LEFT JOIN tramita.document d ON d.expediente_id = e.id
					WHERE e.ubigeo = '060101' GROUP BY e.id ORDER BY e.sequence""")) {
				while (rows.next()) {
					sequences.add(rows.getInt("sequence"));
					assertThat(rows.getLong("documents")).as(rows.getString("case_number")).isOne();
					assertThat(rows.getLong("processes")).as(rows.getString("case_number")).isOne();
				}
			}
			System.out.printf("Crash test: %d filings acknowledged before the kill, %d stored after the restart%n",
					acknowledgedNumbers.size(), sequences.size());
			assertThat(sequences).as("case numbers without gaps").isEqualTo(rangeFrom1(sequences.size()));
			assertThat(sequences.size()).isGreaterThanOrEqualTo(acknowledgedNumbers.size());

			List<String> after = new ArrayList<>();
			fileOnce(secondPort, after);
			assertThat(after).hasSize(1);
			HttpResponse<String> receipt = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort
					+ "/m/060101/tramites/licencia-funcionamiento/presentada")).header("Cookie", "tramita-recibo=" + after.get(0))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(textOf(receipt.body(), "case-number")).as("the next number, never one given before")
				.endsWith("-%06d".formatted(sequences.size() + 1));
		}
	}

	private static void fileUntilStopped(int port, AtomicBoolean running, List<String> receipts) {
		while (running.get()) {
			try {
				fileOnce(port, receipts);
			}
			catch (RuntimeException killed) {
				return;
			}
		}
	}

	/** One citizen's filing; its receipt is kept once the application has handed it out (the filing acknowledged). */
	private static void fileOnce(int port, List<String> receipts) {
		HttpVisitor citizen = new HttpVisitor(port);
		citizen.get(FORM);
		Map<String, String> fields = new LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		HttpResponse<String> filed = citizen.postMultipart(FORM, new Multipart().fields(fields)
			.file("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()));
		if (filed.statusCode() != 302) {
			throw new IllegalStateException("filing answered " + filed.statusCode());
		}
		Matcher receipt = Pattern.compile("tramita-recibo=([^;]+)").matcher(String.join("\n",
				filed.headers().allValues("Set-Cookie")));
		if (!receipt.find()) {
			throw new IllegalStateException("no receipt after filing");
		}
		receipts.add(receipt.group(1));
	}

	private static List<Integer> rangeFrom1(int n) {
		List<Integer> range = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			range.add(i);
		}
		return range;
	}

	private static String textOf(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(page);
		assertThat(m.find()).as("#%s on the receipt", id).isTrue();
		return m.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Tramita started as an operator would, in its own JVM, with its production settings. */
	private static final class ChildApplication implements AutoCloseable {

		private final Process process;

		private final Path log;

		private final int port;

		private final Path dataDir;

		private ChildApplication(Process process, Path log, int port, Path dataDir) {
			this.process = process;
			this.log = log;
			this.port = port;
			this.dataDir = dataDir;
		}

		static ChildApplication start(Path dataDir, int port, Path log) throws IOException {
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-cp", applicationClassPath(), "pe.tramita.TramitaApplication",
					"--tramita.data-dir=" + dataDir, "--server.port=" + port, "--tramita.signing.demo-keys=true",
					"--tramita.database.durable=" + DURABLE, "--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
					"--spring.main.banner-mode=off")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ChildApplication(process, log, port, dataDir);
		}

		/** The application's classes and libraries, without the tests' own classes (they would become its beans). */
		private static String applicationClassPath() {
			return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
				.filter(entry -> !entry.endsWith("test-classes"))
				.distinct()
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		}

		void awaitHealthy() throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("Tramita exited during start-up; see " + log);
				}
				try {
					HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("Tramita not healthy after 180 s; see " + log);
		}

		/** SIGKILL to the JVM and to every process of its PostgreSQL: nothing gets to flush or shut down. */
		void killWithItsDatabase(Path dataDir) throws Exception {
			long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
			ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
			List<ProcessHandle> backends = server.descendants().toList();
			process.destroyForcibly();
			server.destroyForcibly();
			backends.forEach(ProcessHandle::destroyForcibly);
			process.waitFor(30, TimeUnit.SECONDS);
			server.onExit().get(30, TimeUnit.SECONDS);
		}

		Connection database() throws Exception {
			Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
			assertThat(m.find()).as("embedded PostgreSQL port in " + log).isTrue();
			return DriverManager.getConnection("jdbc:postgresql://localhost:" + m.group(1) + "/postgres",
					EmbeddedDatabase.USER, Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip());
		}

		@Override
		public void close() throws Exception {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}

	}

}
