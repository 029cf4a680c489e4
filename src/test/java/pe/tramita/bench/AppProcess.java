package pe.tramita.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tramita in a JVM of its own, started as a user would (demo profile, embedded PostgreSQL under its data directory),
 * so that start-up, heap and RSS are the application's alone.
 */
class AppProcess implements AutoCloseable {

	static final String HEAP = "-Xmx512m";

	private final Process process;

	private final Path log;

	private final int port;

	private final Path dataDir;

	private AppProcess(Process process, Path log, int port, Path dataDir) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.dataDir = dataDir;
	}

	static AppProcess start(Path dataDir, int port, Path log) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				HEAP, "-cp", classpath(), "pe.tramita.TramitaApplication",
				"--spring.profiles.active=demo", "--tramita.data-dir=" + dataDir, "--server.port=" + port,
				"--management.endpoints.web.exposure.include=health,metrics", "--spring.main.banner-mode=off",
				// the load generator stands for many citizens from one address
				"--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1"));
		if (Boolean.getBoolean("bench.profile")) {
			// -Dbench.profile=true: a flight recording of the application, to see where its CPU time goes
			command.add(1, "-XX:StartFlightRecording=filename=" + log.resolveSibling(log.getFileName() + ".jfr")
					+ ",settings=profile");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new AppProcess(process, log, port, dataDir);
	}

	/** The application's own classes and runtime dependencies, listed by the bench profile's build. */
	private static String classpath() throws IOException {
		Path dependencies = Path.of("target", "bench-runtime.classpath");
		if (!Files.exists(dependencies)) {
			throw new IllegalStateException(dependencies + " is missing: run the benchmarks with mvn -Pbench test");
		}
		return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(dependencies).strip();
	}

	int port() {
		return port;
	}

	/** Seconds from launch until the health endpoint answers UP. */
	double secondsUntilHealthy(long launchedAtNanos) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Tramita exited during start-up; see " + log);
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return (System.nanoTime() - launchedAtNanos) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Tramita not healthy after 120 s; see " + log);
	}

	/** JDBC URL, with user and password, of the embedded PostgreSQL this process started (port read from its log). */
	String jdbcUrl() throws IOException {
		Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
		if (!m.find()) {
			throw new IllegalStateException("no embedded PostgreSQL port in " + log);
		}
		String password = Files.readString(dataDir.resolve("postgres-password")).strip();
		return "jdbc:postgresql://localhost:" + m.group(1) + "/postgres?user=postgres&password=" + password;
	}

	/** Heap in use now, as the application reports it (MiB). */
	double heapUsedMiB() throws Exception {
		HttpResponse<String> metric = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(uri("/actuator/metrics/jvm.memory.used?tag=area:heap"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("admin:tramita".getBytes(StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
		Matcher value = Pattern.compile("\"VALUE\",\"value\":([0-9.E]+)").matcher(metric.body());
		if (!value.find()) {
			throw new IllegalStateException("no heap metric: " + metric.statusCode() + " " + metric.body());
		}
		return Double.parseDouble(value.group(1)) / (1024 * 1024);
	}

	/** Resident memory of the application's JVM (MiB), from /proc. */
	double rssMiB() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmRSS for " + process.pid());
	}

	/** Stops the application as a service manager would (SIGTERM) and answers how long that took, in seconds. */
	double stop() throws Exception {
		long start = System.nanoTime();
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("Tramita did not stop within 60 s");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	@Override
	public void close() throws Exception {
		if (process.isAlive()) {
			stop();
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
