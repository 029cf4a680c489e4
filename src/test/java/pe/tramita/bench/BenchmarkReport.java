package pe.tramita.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Collects the figures of one run and writes them as {@code results.json} and a readable {@code results.md}. */
class BenchmarkReport {

	private final List<Rounds> measurements = new ArrayList<>();

	private final Map<String, Object> ratios = new LinkedHashMap<>();

	void add(Rounds rounds) {
		measurements.add(rounds);
		System.out.println(line(rounds));
	}

	void ratio(String name, double value, String goal) {
		ratios.put(name, Map.of("value", round(value), "goal", goal));
		System.out.printf(Locale.ROOT, "%-58s %10.3f   goal %s%n", name, value, goal);
	}

	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("when", OffsetDateTime.now().toString());
		json.put("machine", machine());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Rounds r : measurements) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", r.name());
			row.put("unit", r.unit());
			row.put("median", round(r.median()));
			row.put("min", round(r.min()));
			row.put("max", round(r.max()));
			row.put("spread_percent", round(r.spreadPercent()));
			row.put("rounds", r.values().stream().map(BenchmarkReport::round).toList());
			rows.add(row);
		}
		json.put("measurements", rows);
		json.put("ratios", ratios);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("results.json").toFile(), json);
		Files.writeString(directory.resolve("results.md"), markdown());
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("Machine: ").append(machine()).append("\n\n");
		md.append("| measurement | unit | median | min | max | ± % | rounds |\n|---|---|---:|---:|---:|---:|---:|\n");
		for (Rounds r : measurements) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.1f | %d |%n", r.name(), r.unit(),
					r.median(), r.min(), r.max(), r.spreadPercent(), r.values().size()));
		}
		md.append("\n| ratio | value | goal |\n|---|---:|---|\n");
		ratios.forEach((name, value) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> v = (Map<String, Object>) value;
			md.append("| ").append(name).append(" | ").append(v.get("value")).append(" | ").append(v.get("goal"))
				.append(" |\n");
		});
		return md.toString();
	}

	private static String machine() {
		return "%d cores, %d MiB max heap, Java %s, %s".formatted(Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getName());
	}

	private static String line(Rounds r) {
		return String.format(Locale.ROOT, "%-58s %10.2f %-10s (min %.2f, max %.2f, %d rounds)", r.name(), r.median(),
				r.unit(), r.min(), r.max(), r.values().size());
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
