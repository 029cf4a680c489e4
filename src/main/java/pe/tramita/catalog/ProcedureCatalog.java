package pe.tramita.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import pe.tramita.catalog.Procedure.Form;
import pe.tramita.catalog.Procedure.Qualification;
import pe.tramita.catalog.Procedure.Requirement;
import pe.tramita.catalog.Procedure.Silence;

/** The procedure catalog (TUPA), read from every {@code processes/*}{@code /procedure.yml} on the classpath. */
@Service
public class ProcedureCatalog {

	private final Map<String, Procedure> byKey;

	public ProcedureCatalog() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*/procedure.yml");
		this.byKey = java.util.Arrays.stream(files).map(ProcedureCatalog::read)
			.collect(Collectors.toUnmodifiableMap(Procedure::key, Function.identity()));
	}

	public List<Procedure> all() {
		return byKey.values().stream().sorted(Comparator.comparing(Procedure::name)).toList();
	}

	public Optional<Procedure> find(String key) {
		return Optional.ofNullable(key).map(byKey::get);
	}

	public Procedure get(String key) {
		return find(key).orElseThrow(() -> new IllegalArgumentException("Unknown procedure " + key));
	}

	public Optional<Procedure> findByProcessKey(String processKey) {
		return byKey.values().stream().filter(p -> p.processKey().equals(processKey)).findFirst();
	}

	static Procedure read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return toProcedure(yaml);
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("Cannot read procedure " + file + ": " + e.getMessage(), e);
		}
	}

	@SuppressWarnings("unchecked")
	private static Procedure toProcedure(Map<String, Object> yaml) {
		Map<String, Object> appeals = (Map<String, Object>) yaml.getOrDefault("appeals", Map.of());
		List<Map<String, Object>> requirements = (List<Map<String, Object>>) yaml.get("requirements");
		return new Procedure(text(yaml, "key"), text(yaml, "process"), text(yaml, "name"), text(yaml, "summary"),
				(List<String>) yaml.get("legal_basis"), Qualification.valueOf(text(yaml, "qualification")),
				Silence.valueOf(text(yaml, "silence")), ((Number) yaml.get("term_business_days")).intValue(),
				decimal(yaml, "fee_soles", BigDecimal.ZERO), decimal(yaml, "fee_uit_percent", null),
				text(yaml, "receiving_office"),
				text(yaml, "deciding_office"), text(yaml, "deciding_authority"),
				(String) appeals.get("reconsideration"), (String) appeals.get("appeal"),
				requirements.stream().map(ProcedureCatalog::toRequirement).toList(),
				Boolean.TRUE.equals(yaml.get("internal")), termsByRisk(yaml),
				Boolean.TRUE.equals(yaml.get("publish_results")),
				List.copyOf((List<String>) yaml.getOrDefault("what_happens", List.of())));
	}

	private static BigDecimal decimal(Map<String, Object> yaml, String key, BigDecimal absent) {
		Object value = yaml.get(key);
		return value == null ? absent : new BigDecimal(value.toString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> termsByRisk(Map<String, Object> yaml) {
		Map<String, Object> terms = (Map<String, Object>) yaml.getOrDefault("term_business_days_by_risk", Map.of());
		return terms.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> ((Number) entry.getValue()).intValue()));
	}

	private static Requirement toRequirement(Map<String, Object> yaml) {
		boolean upload = Boolean.TRUE.equals(yaml.get("upload"));
		boolean required = !Boolean.FALSE.equals(yaml.get("required"));
		return new Requirement(text(yaml, "id"), text(yaml, "name"), upload, required, (String) yaml.get("help"),
				toForm(yaml.get("form")));
	}

	@SuppressWarnings("unchecked")
	private static Form toForm(Object value) {
		if (value == null) {
			return null;
		}
		Map<String, Object> yaml = (Map<String, Object>) value;
		return new Form(text(yaml, "title"), List.copyOf((List<String>) yaml.getOrDefault("fill", List.of())),
				List.copyOf((List<String>) yaml.getOrDefault("declares", List.of())), text(yaml, "closing"));
	}

	private static String text(Map<String, Object> yaml, String field) {
		Object value = yaml.get(field);
		if (value == null) {
			throw new IllegalStateException("procedure.yml lacks '" + field + "'");
		}
		return value.toString();
	}

}
