package pe.tramita.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own time for each request under load, read from the application's Tomcat access log: each line is the
 * benchmark step the request belonged to and the time Tomcat took over it, from the request read to the response
 * written (see {@link #arguments}).
 */
final class AccessLogTimes {

	static final String FILE = "access.log";

	/** Tomcat's access log, unbuffered, one line per request: {@code <X-Bench-Step header>|<microseconds>}. */
	static List<String> arguments(Path directory) {
		return List.of("--server.tomcat.accesslog.enabled=true",
				"--server.tomcat.accesslog.directory=" + directory.toAbsolutePath(),
				"--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
				"--server.tomcat.accesslog.file-date-format=", "--server.tomcat.accesslog.rotate=false",
				"--server.tomcat.accesslog.buffered=false",
				"--server.tomcat.accesslog.pattern=%{X-Bench-Step}i|%{us}T");
	}

	private final Path file;

	private long from;

	AccessLogTimes(Path directory) {
		this.file = directory.resolve(FILE);
	}

	/** Only what the log gets from now on counts. */
	void startHere() throws IOException {
		from = file.toFile().length();
	}

	/** Milliseconds of every request logged since {@link #startHere()}, by step. */
	Map<String, List<Double>> millisByStep() throws IOException {
		byte[] tail;
		try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
			tail = new byte[(int) (log.length() - from)];
			log.seek(from);
			log.readFully(tail);
		}
		Map<String, List<Double>> times = new TreeMap<>();
		for (String line : new String(tail, StandardCharsets.UTF_8).split("\n")) {
			int bar = line.lastIndexOf('|');
			if (bar <= 0 || line.startsWith("-|")) {
				continue; // not a step of the benchmark
			}
			times.computeIfAbsent(line.substring(0, bar), step -> new ArrayList<>())
				.add(Long.parseLong(line.substring(bar + 1).strip()) / 1000.0);
		}
		return times;
	}

}
