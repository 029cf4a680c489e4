package pe.tramita.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No module's SQL touches another module's tables: each table of the {@code tramita} schema has one owner, and only
 * its owner names it, in SQL or in a JPA mapping. Others read what the owner publishes (its API, its events, or a
 * view it owns for queries). Camunda's ACT_* tables are the engine module's alone.
 */
class TableOwnershipTests {

	static final Path SOURCES = Path.of("src/main/java/pe/tramita");

	/** Every table and view of the schema, with the module that owns it. */
	static final Map<String, String> OWNERS = Map.ofEntries(
			Map.entry("municipality", "municipality"),
			Map.entry("national_holiday", "calendar"), Map.entry("non_working_day", "calendar"),
			Map.entry("tupa_entry", "catalog"), Map.entry("uit", "catalog"),
			Map.entry("expediente", "request"), Map.entry("case_event", "request"),
			Map.entry("case_number_counter", "request"), Map.entry("case_summary", "request"),
			Map.entry("document", "document"), Map.entry("held_upload", "document"),
			Map.entry("certificate", "certificate"), Map.entry("certificate_counter", "certificate"),
			Map.entry("certificate_file", "certificate"), Map.entry("certificate_signatory", "certificate"),
			Map.entry("certificate_office_signatory", "certificate"),
			Map.entry("notification", "notification"), Map.entry("mail_sink", "notification"),
			Map.entry("staff_daily_digest", "notification"),
			Map.entry("staff_action", "tasklist"), Map.entry("saved_filter", "tasklist"),
			Map.entry("case_cycle", "analytics"), Map.entry("step_cycle", "analytics"),
			Map.entry("case_cycle_month", "analytics"), Map.entry("step_cycle_month", "analytics"),
			Map.entry("cycle_backlog", "analytics"),
			Map.entry("model_deployment", "modeling"), Map.entry("model_draft", "modeling"),
			Map.entry("model_migration", "modeling"),
			Map.entry("shared_secret", "security"),
			Map.entry("office_scope", "office"),
			Map.entry("cost_position", "costing"), Map.entry("costing", "costing"),
			Map.entry("investment_project", "investment"), Map.entry("project_procurement", "investment"),
			Map.entry("budget_execution", "investment"), Map.entry("project_publication", "investment"),
			Map.entry("payment_order", "payment"), Map.entry("payment", "payment"), Map.entry("bank_file", "payment"),
			Map.entry("bank_file_line", "payment"), Map.entry("payment_audit", "payment"),
			Map.entry("shedlock", "database"), Map.entry("cache_generation", "database"),
			// Spring Modulith's event publication registry and Spring Session's tables: the frameworks', no module's
			// SQL names them
			Map.entry("event_publication", "(spring-modulith)"), Map.entry("spring_session", "(spring-session)"),
			Map.entry("spring_session_attributes", "(spring-session)"));

	/** Views their owner publishes for other modules' queries. */
	static final Set<String> PUBLISHED = Set.of("case_summary");

	/** "tramita.xyz" that are not tables: a stylesheet, a configuration prefix, a server setting, a metric. */
	static final Set<String> NOT_TABLES = Set.of("css", "demo", "embedded", "cases");

	static final Pattern SCHEMA_NAME = Pattern.compile("(?<![\\w.])tramita\\.([a-z_]+)\\b(?![-.(])");

	static final Pattern JPA_TABLE = Pattern.compile("@Table\\(name = \"([a-z_]+)\"");

	static final Pattern ENGINE_TABLE = Pattern.compile("(?i)\\bact_[a-z]{2}_[a-z_]+");

	@Test
	void everyTableOfTheSchemaHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
			for (Path file : files.toList()) {
				Matcher m = Pattern.compile("(?i)CREATE (?:TABLE|VIEW) (\\w+)").matcher(Files.readString(file));
				while (m.find()) {
					created.add(m.group(1).toLowerCase());
				}
			}
		}
		assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void eachModuleNamesOnlyItsOwnTablesAndTheViewsOthersPublish() throws IOException {
		List<String> trespasses = new ArrayList<>();
		for (Path file : javaSources()) {
			String module = SOURCES.relativize(file).getName(0).toString();
			String source = Files.readString(file);
			for (Pattern pattern : List.of(SCHEMA_NAME, JPA_TABLE)) {
				Matcher m = pattern.matcher(source);
				while (m.find()) {
					String table = m.group(1);
					if (NOT_TABLES.contains(table)) {
						continue;
					}
					String owner = OWNERS.get(table);
					if (owner == null) {
						trespasses.add(file + " names tramita." + table + ", which has no owner in OWNERS");
					}
					else if (!owner.equals(module) && !PUBLISHED.contains(table)) {
						trespasses.add(file + " (" + module + ") names " + owner + "'s table " + table);
					}
				}
			}
			Matcher engine = ENGINE_TABLE.matcher(source);
			if (!module.equals("engine") && engine.find()) {
				trespasses.add(file + " (" + module + ") names the engine's table " + engine.group());
			}
		}
		assertThat(trespasses).isEmpty();
	}

	@Test
	void theCheckSeesATrespass() {
		Matcher m = SCHEMA_NAME.matcher("jdbc.query(\"SELECT id FROM tramita.expediente WHERE x\")");
		assertThat(m.find()).isTrue();
		assertThat(m.group(1)).isEqualTo("expediente");
		assertThat(SCHEMA_NAME.matcher("import pe.tramita.request.Expedientes;").find()).isFalse();
		assertThat(SCHEMA_NAME.matcher("@Value(\"${tramita.rate-limit.exempt:}\")").find()).isFalse();
		assertThat(ENGINE_TABLE.matcher("FROM ACT_RU_TASK t").find()).isTrue();
	}

	static List<Path> javaSources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java") && SOURCES.relativize(f).getNameCount() > 1).toList();
		}
	}

}
