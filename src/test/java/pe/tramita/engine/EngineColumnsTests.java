package pe.tramita.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.support.TramitaTest;

/**
 * The engine's tables and columns Tramita's SQL relies on, all of it in this module: an engine upgrade (or a move to
 * Operaton) that renames or drops one fails here, once, instead of in five features.
 */
@TramitaTest
class EngineColumnsTests {

	static final Map<String, Set<String>> PINNED = Map.of(
			"act_ru_task", Set.of("id_", "name_", "task_def_key_", "create_time_", "due_date_", "follow_up_date_",
					"priority_", "assignee_", "owner_", "delegation_", "tenant_id_", "proc_inst_id_"),
			"act_id_user", Set.of("id_", "first_", "last_"),
			"act_ru_identitylink", Set.of("task_id_", "type_", "group_id_", "tenant_id_"),
			"act_ru_execution", Set.of("id_", "proc_def_id_", "parent_id_"),
			"act_hi_procinst", Set.of("id_", "proc_def_id_", "start_time_", "end_time_"),
			"act_hi_actinst", Set.of("proc_inst_id_", "task_id_", "act_id_", "act_name_", "act_type_", "start_time_",
					"end_time_"),
			"act_re_procdef", Set.of("id_", "version_"));

	static final Path ENGINE_SOURCES = Path.of("src/main/java/pe/tramita/engine");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theEngineHasEveryColumnTramitaReads() {
		PINNED.forEach((table, columns) -> {
			Set<String> present = jdbc.queryForList(
					"SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) = ?", String.class,
					table).stream().collect(Collectors.toSet());
			assertThat(present).as(table).containsAll(columns);
		});
	}

	@Test
	void everyEngineTableAndColumnTheSqlNamesIsPinned() throws IOException {
		Set<String> tables = new TreeSet<>();
		Set<String> columns = new TreeSet<>();
		for (Path file : sources()) {
			String source = Files.readString(file).toLowerCase();
			Matcher table = Pattern.compile("\\bact_[a-z]{2}_[a-z_]+").matcher(source);
			while (table.find()) {
				tables.add(table.group());
			}
			// the engine's columns end in an underscore: t.assignee_, proc_def_id_
			Matcher column = Pattern.compile("\\b(?!act_)([a-z]+(?:_[a-z]+)*_)(?![a-z])").matcher(source);
			while (column.find()) {
				columns.add(column.group(1));
			}
		}
		assertThat(tables).as("the scan sees the SQL").contains("act_ru_task", "act_hi_actinst");
		assertThat(columns).as("the scan sees the SQL").contains("assignee_", "proc_def_id_");
		assertThat(PINNED.keySet()).containsAll(tables);
		assertThat(PINNED.values().stream().flatMap(Set::stream).collect(Collectors.toSet())).containsAll(columns);
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.list(ENGINE_SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("CamundaTableIndexes.java")).toList();
		}
	}

}
