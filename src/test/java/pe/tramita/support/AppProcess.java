package pe.tramita.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tramita in a JVM of its own, started as an operator would (embedded PostgreSQL under its data directory), so that
 * start-up, heap and RSS are the application's alone, and so that it can be killed.
 */
public class AppProcess implements AutoCloseable {

	public static final String HEAP = "-Xmx512m";

	/**
	 * The benchmarks' application: the demo data (without its year of history, which would only slow the start), the
	 * metrics endpoint, and one client address for many citizens.
	 */
	public static final List<String> DEMO = List.of("--spring.profiles.active=demo", "--tramita.demo.history-weeks=0",
			"--management.endpoints.web.exposure.include=health,metrics",
			"--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1");

	/** The first administrator of a run without the demo data (the demo's is admin / tramita). */
	public static final String ADMIN_PASSWORD = "Clave-Segura-2026!";

	private final Process process;

	private final String adminPassword;

	private final Path log;

	/** The port asked for; 0 lets the application take a free one, read from its log once it listens. */
	private volatile int port;

	private final Path dataDir;

	private AppProcess(Process process, Path log, int port, Path dataDir, String adminPassword) {
		this.process = process;
		this.adminPassword = adminPassword;
		this.log = log;
		this.port = port;
		this.dataDir = dataDir;
	}

	/** Started on {@code classpath} with these {@code arguments} (Spring Boot's command-line properties). */
	public static AppProcess start(String classpath, Path dataDir, int port, Path log, List<String> arguments)
			throws IOException {
		return start(classpath, dataDir, port, log, arguments, java.util.Map.of());
	}

	/** Also with these environment variables, as a service manager gives a node its environment file. */
	public static AppProcess start(String classpath, Path dataDir, int port, Path log, List<String> arguments,
			java.util.Map<String, String> environment) throws IOException {
		return launch(List.of("-cp", classpath, "pe.tramita.TramitaApplication"), dataDir, port, log, arguments,
				environment);
	}

	/**
	 * Started as {@code java <heap> <launch> <arguments>}: {@code launch} is the JVM's options and what to run, a class
	 * path and the main class, or {@code -jar} and the extracted application's jar.
	 */
	public static AppProcess launch(List<String> launch, Path dataDir, int port, Path log, List<String> arguments,
			java.util.Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				HEAP));
		command.addAll(launch);
		command.addAll(List.of("--tramita.data-dir=" + dataDir, "--server.port=" + port, "--spring.main.banner-mode=off"));
		command.addAll(arguments);
		boolean demo = arguments.contains("--spring.profiles.active=demo");
		if (!demo) {
			command.add("--tramita.admin.password=" + ADMIN_PASSWORD);
		}
		if (Boolean.getBoolean("bench.profile")) {
			// -Dbench.profile=true: a flight recording of the application, to see where its CPU time goes
			command.add(1, "-XX:FlightRecorderOptions=stackdepth=256"); // deep enough to reach the application's frames
			command.add(1, "-XX:StartFlightRecording=filename=" + log.resolveSibling(log.getFileName() + ".jfr")
					+ ",settings=profile");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		return new AppProcess(process, log, port, dataDir, demo ? "tramita" : ADMIN_PASSWORD);
	}

	/** The application's own classes and runtime dependencies, listed by the bench profile's build. */
	public static String runtimeClasspath() throws IOException {
		Path dependencies = Path.of("target", "bench-runtime.classpath");
		if (!Files.exists(dependencies)) {
			throw new IllegalStateException(dependencies + " is missing: run the benchmarks with mvn -Pbench test");
		}
		return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(dependencies).strip();
	}

	/**
	 * The test JVM's class path without the tests' own classes (they would become the application's beans): the
	 * application and its libraries, for tests that run it outside the benchmarks.
	 */
	public static String testJvmClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.distinct()
			.collect(Collectors.joining(File.pathSeparator));
	}

	public long pid() {
		return process.pid();
	}

	/** CPU time the application's JVM has used so far, all its threads (the JIT compilers' too), in seconds. */
	public double cpuSeconds() throws IOException {
		return cpuSeconds(process.pid());
	}

	/** CPU time the process {@code pid} has used so far, all its threads, in seconds (Linux's /proc). */
	public static double cpuSeconds(long pid) throws IOException {
		String[] stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).replaceFirst(".*\\) ", "")
			.split(" ");
		// after the command's name: utime and stime are the 12th and 13th fields, in clock ticks (100 per second)
		return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
	}

	public Path log() {
		return log;
	}

	/** SIGKILL to the JVM alone (its database is elsewhere): nothing gets to finish or say goodbye. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public int port() {
		return port;
	}

	/** With port 0: the one Tomcat took, once its log says so (0 until then). */
	private int listeningPort() throws IOException {
		if (port == 0) {
			Matcher started = Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
			if (started.find()) {
				port = Integer.parseInt(started.group(1));
			}
		}
		return port;
	}

	/** Seconds from launch until the readiness probe answers UP. */
	public double secondsUntilHealthy(long launchedAtNanos) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Tramita exited during start-up; see " + log);
			}
			if (listeningPort() == 0) {
				Thread.sleep(100);
				continue;
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.header("Authorization", adminCredentials()).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return (System.nanoTime() - launchedAtNanos) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Tramita not healthy after 180 s; see " + log);
	}

	/** JDBC URL, with user and password, of the embedded PostgreSQL this process started (port read from its log). */
	public String jdbcUrl() throws IOException {
		Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
		if (!m.find()) {
			throw new IllegalStateException("no embedded PostgreSQL port in " + log);
		}
		String password = Files.readString(dataDir.resolve("postgres-password")).strip();
		return "jdbc:postgresql://localhost:" + m.group(1) + "/postgres?user=postgres&password=" + password;
	}

	/** Heap in use now, as the application reports it (MiB). */
	public double heapUsedMiB() throws Exception {
		HttpResponse<String> metric = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(uri("/actuator/metrics/jvm.memory.used?tag=area:heap"))
					.header("Authorization", adminCredentials())
					.build(), HttpResponse.BodyHandlers.ofString());
		Matcher value = Pattern.compile("\"VALUE\",\"value\":([0-9.E]+)").matcher(metric.body());
		if (!value.find()) {
			throw new IllegalStateException("no heap metric: " + metric.statusCode() + " " + metric.body());
		}
		return Double.parseDouble(value.group(1)) / (1024 * 1024);
	}

	/** HTTP basic credentials of this run's administrator, who may read /actuator. */
	public String adminCredentials() {
		return HttpVisitor.basic("admin", adminPassword);
	}

	/** Resident memory of the application's JVM (MiB), from /proc. */
	public double rssMiB() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmRSS for " + process.pid());
	}

	/** Stops the application as a service manager would (SIGTERM) and answers how long that took, in seconds. */
	public double stop() throws Exception {
		long start = System.nanoTime();
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("Tramita did not stop within 60 s");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** SIGTERM, as a service manager sends it, without waiting for the application to stop. */
	public void terminate() {
		process.destroy();
	}

	/** Whether the application stopped within the time given. */
	public boolean stoppedWithin(Duration time) throws InterruptedException {
		return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** SIGKILL to the JVM and to every process of its PostgreSQL: nothing gets to flush or shut down. */
	public void killWithItsDatabase() throws Exception {
		long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
		ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
		List<ProcessHandle> backends = server.descendants().toList();
		process.destroyForcibly();
		server.destroyForcibly();
		backends.forEach(ProcessHandle::destroyForcibly);
		process.waitFor(30, TimeUnit.SECONDS);
		server.onExit().get(30, TimeUnit.SECONDS);
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
