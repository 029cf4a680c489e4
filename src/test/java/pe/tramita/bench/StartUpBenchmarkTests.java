package pe.tramita.bench;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.support.AppProcess;
import pe.tramita.support.Folders;

/**
 * Start-up on an existing (embedded) database, three ways: the class path as the benchmarks start it; the application
 * extracted as production runs it ({@code java -Djarmode=tools -jar ... extract}: a thin jar and its libraries); and
 * extracted with the class data sharing archive that {@code deploy/train-start.sh} makes. Wall time until the readiness
 * probe answers UP, and the JVM's CPU time until then (steadier on a shared machine).
 */
@Tag("benchmark")
class StartUpBenchmarkTests {

	static final Path OUT = BenchmarkTests.OUT.resolve("startup");

	static final int STARTS = 3;

	private final BenchmarkReport report = new BenchmarkReport();

	@Test
	void run() throws Exception {
		Path dataDir = OUT.resolve("data");
		Folders.delete(dataDir);
		Path app = extracted(OUT.resolve("app"));
		String classpath = AppProcess.runtimeClasspath();

		starts("class path", List.of("-cp", classpath, "pe.tramita.TramitaApplication"), dataDir, 1 + STARTS);
		starts("extracted jar", List.of("-jar", app.resolve("tramita.jar").toString()), dataDir, STARTS);
		train(app, dataDir);
		starts("extracted jar with its CDS archive", List.of("-XX:SharedArchiveFile=" + app.resolve("tramita.jsa"),
				"-Xshare:on", "-jar", app.resolve("tramita.jar").toString()), dataDir, STARTS);
		report.write(OUT);
		System.out.println();
		System.out.println(report.markdown());
	}

	/** Starts {@code count} times; the first of a new database is left out of the figures. */
	private void starts(String way, List<String> launch, Path dataDir, int count) throws Exception {
		List<Double> seconds = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		boolean newDatabase = !Files.exists(dataDir.resolve("postgres"));
		for (int i = 0; i < count; i++) {
			long launched = System.nanoTime();
			String log = "start-" + way.replaceAll("\\W+", "-") + "-" + i + ".log";
			try (AppProcess node = AppProcess.launch(launch, dataDir, 0, OUT.resolve(log), AppProcess.DEMO, Map.of())) {
				double ready = node.secondsUntilHealthy(launched);
				double used = node.cpuSeconds();
				if (newDatabase && i == 0) {
					continue;
				}
				seconds.add(ready);
				cpu.add(used);
				if (i == count - 1) {
					Thread.sleep(2000);
					report.add(Rounds.single("Heap used after start, " + way, "MiB", node.heapUsedMiB()));
					report.add(Rounds.single("RSS after start, " + way, "MiB", node.rssMiB()));
				}
			}
		}
		report.add(new Rounds("Start-up on an existing database, " + way, "s", seconds));
		report.add(new Rounds("JVM CPU time until ready, " + way, "s", cpu));
	}

	/** What {@code extract} makes of the packaged application: its classes in a thin jar, its libraries in lib/. */
	private static Path extracted(Path app) throws Exception {
		Folders.delete(app);
		Path lib = Files.createDirectories(app.resolve("lib"));
		List<String> libraries = new ArrayList<>();
		for (String entry : Files.readString(Path.of("target", "bench-runtime.classpath")).strip().split(File.pathSeparator)) {
			Path jar = Path.of(entry);
			Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			libraries.add("lib/" + jar.getFileName());
		}
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "pe.tramita.TramitaApplication");
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
		Path classes = Path.of("target", "classes");
		try (OutputStream file = Files.newOutputStream(app.resolve("tramita.jar"));
				JarOutputStream jar = new JarOutputStream(file, manifest);
				Stream<Path> all = Files.walk(classes)) {
			// folders too: Spring finds the classes to scan through their packages' entries
			for (Path path : all.filter(path -> !path.equals(classes)).sorted().toList()) {
				String name = classes.relativize(path).toString().replace(File.separatorChar, '/');
				jar.putNextEntry(new JarEntry(Files.isDirectory(path) ? name + "/" : name));
				if (Files.isRegularFile(path)) {
					Files.copy(path, jar);
				}
				jar.closeEntry();
			}
		}
		return app;
	}

	/** The training start, by the script operators run. */
	private static void train(Path app, Path dataDir) throws Exception {
		List<String> command = new ArrayList<>(List.of("deploy/train-start.sh", app.toString()));
		command.addAll(List.of("--tramita.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off"));
		command.addAll(AppProcess.DEMO);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(OUT.resolve("train.log").toFile());
		builder.environment().put("JAVA_OPTS", AppProcess.HEAP);
		builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
				+ System.getenv("PATH"));
		int exit = builder.start().waitFor();
		if (exit != 0) {
			throw new IllegalStateException("train-start.sh failed (" + exit + "): "
					+ Files.readAllLines(OUT.resolve("train.log")).stream().skip(Math.max(0,
							Files.readAllLines(OUT.resolve("train.log")).size() - 20)).collect(Collectors.joining("\n")));
		}
		System.out.println(new String(Files.readAllBytes(OUT.resolve("train.log")), StandardCharsets.UTF_8).lines()
			.filter(line -> line.startsWith("train-start.sh")).collect(Collectors.joining("\n")));
	}

}
