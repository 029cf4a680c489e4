package pe.tramita.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.Municipalities;
import pe.tramita.security.StaffUser;
import pe.tramita.text.SearchText;

/**
 * The task list's queries, in SQL over Camunda's runtime task tables joined to the cases' summary: one query for a page, one
 * for all the view counts. Visibility is part of every query: the clerk's municipalities (tenants), and their own
 * tasks, their offices' tasks or, for supervisors, all tasks of those municipalities.
 */
@Repository
public class TaskSearch {

	private static final Pattern CASE_NUMBER = Pattern.compile("\\d{6}-\\d{4}-\\d{6}");

	/** DNI (8), carné de extranjería (9) or RUC (11). */
	private static final Pattern IDENTITY_NUMBER = Pattern.compile("\\d{8,11}");

	private static final String FROM = """
			FROM act_ru_task t
			LEFT JOIN tramita.case_summary e ON e.process_instance_id = t.proc_inst_id_
			""";

	private static final String OFFICE_CANDIDATE = """
			EXISTS (SELECT 1 FROM act_ru_identitylink l
			        WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IN (:offices))""";

	private static final String MY_WORK = "(t.assignee_ = :me OR (t.assignee_ IS NULL AND " + OFFICE_CANDIDATE + "))";

	/** Every task a clerk who is not a supervisor may open. */
	private static final String REACH = "(" + MY_WORK + " OR t.owner_ = :me)";

	/** Digits and dashes: part of a case number ({@code 000016}, {@code 2026-0000}). */
	private static final Pattern PART_OF_CASE_NUMBER = Pattern.compile("[0-9-]{3,20}");

	/** Lower case without the accents Spanish names carry, as {@link SearchText#fold} folds what was typed. */
	private static String folded(String column) {
		return "translate(lower(coalesce(" + column + ", '')), 'áéíóúüñàèìòùâêîôûäëïö', 'aeiouunaeiouaeiouaeio')";
	}

	private static final Map<TaskView, String> VIEWS = new EnumMap<>(Map.of(
			TaskView.MINE, "t.assignee_ = :me",
			TaskView.OFFICE, "t.assignee_ IS NULL AND " + OFFICE_CANDIDATE,
			TaskView.OVERDUE, MY_WORK + " AND t.due_date_ < :now",
			TaskView.DUE_TODAY, MY_WORK + " AND t.due_date_ >= :now AND t.due_date_ < :tomorrow",
			TaskView.DUE_THIS_WEEK, MY_WORK + " AND t.due_date_ >= :now AND t.due_date_ < :nextWeek",
			TaskView.FOLLOW_UP, "t.assignee_ = :me AND t.follow_up_date_ < :tomorrow",
			TaskView.DELEGATED, "t.owner_ = :me AND t.delegation_ = 'PENDING'",
			TaskView.MUNICIPALITY, "TRUE"));

	/**
	 * The tasks offered to the clerk's offices in their municipalities, read from the candidate links alone (the
	 * engine gives each link its task's tenant), for a hash join instead of one probe per task.
	 */
	private static final String OFFICE_TASKS = """
			SELECT l.task_id_ FROM act_ru_identitylink l
			WHERE l.tenant_id_ IN (:tenants) AND l.group_id_ IN (:offices) AND l.type_ = 'candidate'""";

	/**
	 * Every view but the supervisors' counted in one statement over three small sets: the clerk's tasks, their
	 * offices' unassigned tasks, the tasks they delegated. Each set is read from an index alone.
	 */
	private static final String COUNTS = """
			SELECT count(*) FILTER (WHERE kind = 'mine') AS mine,
			       count(*) FILTER (WHERE kind = 'office') AS office,
			       count(*) FILTER (WHERE kind <> 'delegated' AND due < :now) AS overdue,
			       count(*) FILTER (WHERE kind <> 'delegated' AND due >= :now AND due < :tomorrow) AS due_today,
			       count(*) FILTER (WHERE kind <> 'delegated' AND due >= :now AND due < :nextWeek) AS due_this_week,
			       count(*) FILTER (WHERE kind = 'mine' AND follow_up < :tomorrow) AS follow_up,
			       count(*) FILTER (WHERE kind = 'delegated') AS delegated
			FROM (SELECT 'mine' AS kind, t.due_date_ AS due, t.follow_up_date_ AS follow_up
			      FROM act_ru_task t WHERE t.tenant_id_ IN (:tenants) AND t.assignee_ = :me
			      UNION ALL
			      SELECT 'office', t.due_date_, NULL
			      FROM act_ru_task t WHERE t.tenant_id_ IN (:tenants) AND t.assignee_ IS NULL AND t.id_ IN (%s)
			      UNION ALL
			      SELECT 'delegated', NULL, NULL
			      FROM act_ru_task t WHERE t.owner_ = :me AND t.tenant_id_ IN (:tenants) AND t.delegation_ = 'PENDING') v
			""".formatted(OFFICE_TASKS);

	private final NamedParameterJdbcTemplate jdbc;

	private final LegalClock clock;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final ModelTexts texts;

	TaskSearch(NamedParameterJdbcTemplate jdbc, LegalClock clock, Municipalities municipalities,
			ProcedureCatalog catalog, ModelTexts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.municipalities = municipalities;
		this.catalog = catalog;
	}

	/** Each query in its own autocommit statement: a transaction around them would add two round trips to every page. */
	public TaskPage page(StaffUser clerk, TaskFilter filter) {
		MapSqlParameterSource params = parameters(clerk);
		return page(clerk, filter, counts(clerk, params), params);
	}

	/** The clerk's default view: their own tasks, or their offices' when they hold none. */
	public TaskPage defaultPage(StaffUser clerk, TaskFilter filter) {
		MapSqlParameterSource params = parameters(clerk);
		Map<TaskView, Long> counts = counts(clerk, params);
		boolean nothingOfTheirOwn = counts.get(TaskView.MINE) == 0 && counts.get(TaskView.OFFICE) > 0;
		return page(clerk, nothingOfTheirOwn ? filter.inView(TaskView.OFFICE) : filter, counts, params);
	}

	private TaskPage page(StaffUser clerk, TaskFilter filter, Map<TaskView, Long> counts,
			MapSqlParameterSource params) {
		if (clerk.municipalities().isEmpty() || filter.view().forSupervisors() && !clerk.supervises()) {
			return new TaskPage(filter, List.of(), 0, counts);
		}
		String where = where(clerk, filter, params);
		long total = filter.narrowed() ? jdbc.queryForObject("SELECT count(*) " + FROM + where, params, Long.class)
				: counts.get(filter.view());
		long lastPage = Math.max(1, (total + TaskPage.SIZE - 1) / TaskPage.SIZE);
		if (filter.page() > lastPage) {
			// a page that no longer exists (tasks were taken meanwhile, or a typed number) shows the last one
			filter = filter.onPage((int) lastPage);
		}
		params.addValue("limit", TaskPage.SIZE).addValue("offset", (filter.page() - 1L) * TaskPage.SIZE);
		List<TaskRow> rows = jdbc.query("""
				SELECT t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.follow_up_date_, t.priority_,
				       t.assignee_, t.owner_, t.tenant_id_, e.id, e.case_number, e.applicant_name, e.procedure_key
				""" + FROM + where + " ORDER BY " + filter.sort().orderBy() + " LIMIT :limit OFFSET :offset", params,
				(rs, n) -> row(rs, clock.now().toInstant()));
		Map<String, String> names = peopleNames(rows);
		return new TaskPage(filter, rows.stream().map(row -> row.withNames(names)).toList(), total, counts);
	}

	private Map<TaskView, Long> counts(StaffUser clerk, MapSqlParameterSource params) {
		Map<TaskView, Long> counts = new EnumMap<>(TaskView.class);
		if (clerk.municipalities().isEmpty()) {
			for (TaskView view : TaskView.values()) {
				counts.put(view, 0L);
			}
			return counts;
		}
		jdbc.query(COUNTS, params, rs -> {
			counts.put(TaskView.MINE, rs.getLong("mine"));
			counts.put(TaskView.OFFICE, rs.getLong("office"));
			counts.put(TaskView.OVERDUE, rs.getLong("overdue"));
			counts.put(TaskView.DUE_TODAY, rs.getLong("due_today"));
			counts.put(TaskView.DUE_THIS_WEEK, rs.getLong("due_this_week"));
			counts.put(TaskView.FOLLOW_UP, rs.getLong("follow_up"));
			counts.put(TaskView.DELEGATED, rs.getLong("delegated"));
		});
		counts.put(TaskView.MUNICIPALITY, clerk.supervises() ? jdbc.queryForObject(
				"SELECT count(*) FROM act_ru_task t WHERE t.tenant_id_ IN (:tenants)", params, Long.class) : 0L);
		return counts;
	}

	private MapSqlParameterSource parameters(StaffUser clerk) {
		ZonedDateTime now = clock.now();
		ZonedDateTime tomorrow = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
		ZonedDateTime nextWeek = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(now.getZone());
		return new MapSqlParameterSource()
			.addValue("me", clerk.id())
			// IN () is not SQL: a clerk without offices matches the impossible office ""
			.addValue("offices", clerk.offices().isEmpty() ? List.of("") : List.copyOf(clerk.offices()))
			.addValue("tenants", List.copyOf(clerk.municipalities()))
			.addValue("now", Timestamp.from(now.toInstant()))
			.addValue("tomorrow", Timestamp.from(tomorrow.toInstant()))
			.addValue("nextWeek", Timestamp.from(nextWeek.toInstant()));
	}

	/**
	 * The view's condition, or for a search the clerk's whole reach (every task they may open: theirs, their offices',
	 * those they delegated; a supervisor's, every task of their municipalities). A whole case number or an identity
	 * number matches exactly (and uses their indexes); other digits are part of a case number; anything else is looked
	 * for, word by word and without regard to accents or case, in the applicant's and the business's names.
	 */
	private static String where(StaffUser clerk, TaskFilter filter, MapSqlParameterSource params) {
		String search = filter.search();
		StringBuilder where = new StringBuilder("WHERE t.tenant_id_ IN (:tenants) AND ")
			.append(search == null ? VIEWS.get(filter.view()) : clerk.supervises() ? "TRUE" : REACH);
		if (search != null) {
			if (CASE_NUMBER.matcher(search).matches()) {
				where.append(" AND e.case_number = :search");
			}
			else if (IDENTITY_NUMBER.matcher(search).matches()) {
				// no case number holds eight digits in a row: a LIKE on it would read every case for nothing
				where.append(" AND (e.applicant_document_number = :search OR e.ruc = :search)");
			}
			else if (PART_OF_CASE_NUMBER.matcher(search).matches()) {
				where.append(" AND e.case_number LIKE :pattern");
				params.addValue("pattern", "%" + search + "%");
			}
			else {
				List<String> words = SearchText.words(search);
				for (int i = 0; i < words.size(); i++) {
					where.append(" AND (").append(folded("e.applicant_name")).append(" LIKE :word").append(i)
						.append(" ESCAPE '\\' OR ").append(folded("e.business_name")).append(" LIKE :word").append(i)
						.append(" ESCAPE '\\')");
					params.addValue("word" + i, "%" + words.get(i).replaceAll("([\\\\%_])", "\\\\$1") + "%");
				}
			}
			params.addValue("search", search);
		}
		if (filter.procedureKey() != null) {
			where.append(" AND e.procedure_key = :procedure");
			params.addValue("procedure", filter.procedureKey());
		}
		return where.toString();
	}

	/** The names of the page's assignees and owners, in one query for the page's rows alone. */
	private Map<String, String> peopleNames(List<TaskRow> rows) {
		Set<String> ids = new HashSet<>();
		rows.forEach(row -> {
			ids.add(row.assignee());
			ids.add(row.owner());
		});
		ids.remove(null);
		Map<String, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.query("SELECT id_, concat_ws(' ', first_, last_) AS name FROM act_id_user WHERE id_ IN (:ids)",
					Map.of("ids", ids), rs -> {
						names.put(rs.getString("id_"), rs.getString("name").isBlank() ? rs.getString("id_")
								: rs.getString("name"));
					});
		}
		return names;
	}

	private TaskRow row(ResultSet rs, Instant now) throws SQLException {
		Instant due = instant(rs.getTimestamp("due_date_"));
		String procedureKey = rs.getString("procedure_key");
		String ubigeo = rs.getString("tenant_id_");
		return new TaskRow(rs.getString("id_"), texts.step(procedureKey, rs.getString("task_def_key_"),
				rs.getString("name_")), rs.getObject("id", Long.class), rs.getString("case_number"),
				rs.getString("applicant_name"), procedureKey == null ? null
						: catalog.find(procedureKey).map(p -> texts.name(procedureKey, p.name())).orElse(procedureKey),
				municipalities.find(ubigeo).map(m -> m.name()).orElse(ubigeo), instant(rs.getTimestamp("create_time_")),
				due, instant(rs.getTimestamp("follow_up_date_")), rs.getInt("priority_"), rs.getString("assignee_"),
				rs.getString("owner_"), due != null && due.isBefore(now), null, null);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
