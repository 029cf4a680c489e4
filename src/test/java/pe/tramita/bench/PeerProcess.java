package pe.tramita.bench;

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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import pe.tramita.support.AppProcess;
import pe.tramita.support.HttpVisitor;

/**
 * The peer of the end-to-end benchmark: the stock Camunda REST application of {@code src/test/peer} (its own Maven
 * project, built here), in a JVM of its own with Tramita's heap, on a database of its own in the same PostgreSQL.
 */
final class PeerProcess implements AutoCloseable {

	static final Path PROJECT = Path.of("src", "test", "peer");

	private final Process process;

	private final int port;

	private PeerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Builds the peer, gives it an empty database {@code peer} on the server of {@code jdbcUrl}, starts it. */
	static PeerProcess start(String jdbcUrl, Path log) throws Exception {
		String classpath = build(log);
		try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS peer");
			sql.execute("CREATE DATABASE peer");
		}
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				AppProcess.HEAP, "-cp", classpath, "bench.peer.PeerApplication", "--server.port=" + port,
				"--spring.datasource.url=" + jdbcUrl.replace("/postgres?", "/peer?"), "--spring.main.banner-mode=off"));
		if (Boolean.getBoolean("bench.profile")) {
			command.add(1, "-XX:FlightRecorderOptions=stackdepth=256");
			command.add(1, "-XX:StartFlightRecording=filename=" + log.resolveSibling("peer.jfr") + ",settings=profile");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		PeerProcess peer = new PeerProcess(process, port);
		peer.awaitClerks(log);
		return peer;
	}

	/** {@code mvn compile} of the peer's project; answers its class path. */
	private static String build(Path log) throws Exception {
		Path classpath = PROJECT.resolve("target/classpath.txt").toAbsolutePath();
		Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-ntp", "compile", "dependency:build-classpath",
				"-Dmdep.outputFile=" + classpath)
			.directory(PROJECT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.resolveSibling("peer-build.log").toFile())
			.start();
		if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
			throw new IllegalStateException("the peer did not build; see " + log.resolveSibling("peer-build.log"));
		}
		return PROJECT.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(classpath).strip();
	}

	/** Until a clerk's credentials open the REST API: the engine is up and the clerks are in. */
	private void awaitClerks(Path log) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the peer exited during start-up; see " + log);
			}
			try {
				HttpResponse<String> count = client.send(HttpRequest.newBuilder(uri("/engine-rest/task/count"))
					.header("Authorization", HttpVisitor.basic("mesa", "peer-clerk"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (count.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the peer not ready after 180 s; see " + log);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	double cpuSeconds() throws IOException {
		return AppProcess.cpuSeconds(process.pid());
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

}
