package pe.tramita.investment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;

/**
 * A municipality's investment projects and the procurements tied to them. A project comes from a prioritized
 * participatory-budget proposal (its case, once) or is registered on its own; a procurement is a minor purchase of
 * the same municipality (its case, tied once) or one recorded by reference from the national procurement system.
 */
@Service
public class Projects {

	static final String PARTICIPATORY_BUDGET = "presupuesto-participativo";

	private final JdbcTemplate jdbc;

	private final Expedientes expedientes;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final PurchaseCases purchases;

	private final LegalClock clock;

	Projects(JdbcTemplate jdbc, Expedientes expedientes, HistoryService historyService, IdentityService identityService,
			PurchaseCases purchases, LegalClock clock) {
		this.jdbc = jdbc;
		this.expedientes = expedientes;
		this.historyService = historyService;
		this.identityService = identityService;
		this.purchases = purchases;
		this.clock = clock;
	}

	/** The municipality's projects, each with its procurements and figures, by code. */
	@Transactional(readOnly = true)
	public List<Project> of(String ubigeo) {
		return withProcurements(jdbc.query("SELECT * FROM tramita.investment_project WHERE ubigeo = ? ORDER BY code",
				Projects::project, ubigeo));
	}

	/** Every municipality's projects (the region view), by municipality and code. */
	@Transactional(readOnly = true)
	public List<Project> all() {
		return withProcurements(jdbc.query("SELECT * FROM tramita.investment_project ORDER BY ubigeo, code",
				Projects::project));
	}

	@Transactional(readOnly = true)
	public Optional<Project> find(long id) {
		return withProcurements(jdbc.query("SELECT * FROM tramita.investment_project WHERE id = ?", Projects::project, id))
			.stream().findFirst();
	}

	/** A municipality's project by its code (the public pages' address). */
	@Transactional(readOnly = true)
	public Optional<Project> find(String ubigeo, String code) {
		return withProcurements(jdbc.query("SELECT * FROM tramita.investment_project WHERE ubigeo = ? AND code = ?",
				Projects::project, ubigeo, code)).stream().findFirst();
	}

	/** A proposal the project page can start from: its name, evaluated cost and place in the priority order. */
	public record Proposal(String caseNumber, String name, BigDecimal cost, Integer rank) {
	}

	/**
	 * The prioritized proposal of that case in the municipality, not yet a project; empty when there is none (another
	 * municipality's case answers the same).
	 */
	@Transactional(readOnly = true)
	public Optional<Proposal> proposal(String ubigeo, String caseNumber) {
		if (caseNumber == null || caseNumber.isBlank()) {
			return Optional.empty();
		}
		Optional<ExpedienteView> found = expedientes.findByCaseNumber(caseNumber.strip())
			.filter(c -> c.ubigeo().equals(ubigeo) && c.procedureKey().equals(PARTICIPATORY_BUDGET)
					&& c.status() == ExpedienteStatus.APROBADO);
		if (found.isEmpty() || jdbc.queryForObject("SELECT count(*) FROM tramita.investment_project "
				+ "WHERE origin_case_number = ?", Integer.class, found.get().caseNumber()) > 0) {
			return Optional.empty();
		}
		ExpedienteView proposal = found.get();
		Map<String, Object> decided = new LinkedHashMap<>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(proposal.processInstanceId()).variableNameIn("costoEvaluado", "puesto").list()) {
			decided.put(variable.getName(), variable.getValue());
		}
		Object evaluated = decided.get("costoEvaluado");
		BigDecimal cost = evaluated instanceof Number n ? new BigDecimal(n.toString()).setScale(2)
				: Amounts.parse(proposal.applicationValues().get("costoEstimado"));
		Object rank = decided.get("puesto");
		return Optional.of(new Proposal(proposal.caseNumber(), proposal.applicationValues().get("nombreProyecto"), cost,
				rank instanceof Number n ? n.intValue() : null));
	}

	/** Registers the project; answers its id, or the problems (message keys) and nothing is saved. */
	@Transactional
	public Result register(String ubigeo, ProjectForm form, StaffUser by) {
		List<String> problems = new ArrayList<>(form.problems());
		if (form.office() != null && !form.office().isBlank()
				&& identityService.createGroupQuery().groupId(form.office()).count() == 0) {
			problems.add("investment.error.office");
		}
		Optional<Proposal> proposal = proposal(ubigeo, form.originCase());
		if (form.originCase() != null && !form.originCase().isBlank() && proposal.isEmpty()) {
			problems.add("investment.error.origin");
		}
		if (!problems.isEmpty()) {
			return Result.refused(problems.stream().distinct().toList());
		}
		LocalDate start = Amounts.date(form.plannedStart());
		// one registration at a time per municipality, so codes follow one another
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('investment_project ' || ?))", Object.class, ubigeo);
		int next = jdbc.queryForObject("SELECT count(*) + 1 FROM tramita.investment_project WHERE ubigeo = ? AND year = ?",
				Integer.class, ubigeo, start.getYear());
		Long id = jdbc.queryForObject("""
				INSERT INTO tramita.investment_project (ubigeo, code, name, funding_source, budget, year, planned_start,
				    planned_end, responsible_office, origin_case_number, priority_rank, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, ubigeo,
				"PI-%d-%03d".formatted(start.getYear(), next), form.name().strip(), form.fundingSource().name(),
				form.budgetAmount(), start.getYear(), Date.valueOf(start), Date.valueOf(Amounts.date(form.plannedEnd())),
				form.office(), proposal.map(Proposal::caseNumber).orElse(null),
				proposal.map(Proposal::rank).orElse(null), by.id(), Timestamp.from(clock.instant()));
		return Result.saved(id);
	}

	/** Ties a minor purchase of the project's municipality, once; refused with its reason otherwise. */
	@Transactional
	public Result tie(Project project, String caseNumber, StaffUser by) {
		Optional<ExpedienteView> purchase = Optional.ofNullable(caseNumber).map(String::strip)
			.flatMap(expedientes::findByCaseNumber)
			.filter(c -> c.ubigeo().equals(project.ubigeo()) && c.procedureKey().equals(PurchaseCases.PROCEDURE));
		if (purchase.isEmpty()) {
			return Result.refused(List.of("investment.error.purchase"));
		}
		if (jdbc.queryForObject("SELECT count(*) FROM tramita.project_procurement WHERE case_number = ?", Integer.class,
				purchase.get().caseNumber()) > 0) {
			return Result.refused(List.of("investment.error.tied"));
		}
		return Result.saved(jdbc.queryForObject("""
				INSERT INTO tramita.project_procurement (project_id, case_number, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?) RETURNING id""", Long.class, project.id(), purchase.get().caseNumber(), by.id(),
				Timestamp.from(clock.instant())));
	}

	/** Records a procurement run outside Tramita; refused with the problems otherwise. */
	@Transactional
	public Result record(Project project, ExternalProcurementForm form, StaffUser by) {
		List<String> problems = form.problems();
		if (!problems.isEmpty()) {
			return Result.refused(problems);
		}
		return Result.saved(jdbc.queryForObject("""
				INSERT INTO tramita.project_procurement (project_id, external_reference, description, amount,
				    certified_on, committed_on, conformity_on, paid_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, project.id(), form.reference().strip(),
				form.description().strip(), Amounts.parse(form.amount()), sqlDate(form.certifiedOn()),
				sqlDate(form.committedOn()), sqlDate(form.conformityOn()), sqlDate(form.paidOn()), by.id(),
				Timestamp.from(clock.instant())));
	}

	/** Saved (its id) or refused (the problems as message keys). */
	public record Result(Long id, List<String> problems) {

		static Result saved(long id) {
			return new Result(id, List.of());
		}

		static Result refused(List<String> problems) {
			return new Result(null, problems);
		}

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	/** A procurement as stored: a case's figures are read from the case, an external one's as recorded. */
	private record Row(long projectId, Procurement stored) {
	}

	private List<Project> withProcurements(List<Project> projects) {
		if (projects.isEmpty()) {
			return projects;
		}
		List<Row> rows = jdbc.query("SELECT * FROM tramita.project_procurement WHERE project_id = ANY (?) ORDER BY id",
				(rs, n) -> new Row(rs.getLong("project_id"), new Procurement(rs.getLong("id"), rs.getString("case_number"),
						rs.getString("external_reference"), rs.getString("description"), rs.getBigDecimal("amount"),
						day(rs, "certified_on"), day(rs, "committed_on"), day(rs, "conformity_on"), day(rs, "paid_on"),
						List.of())),
				(Object) projects.stream().map(Project::id).toArray(Long[]::new));
		Map<String, PurchaseCases.Figures> cases = purchases.of(rows.stream().map(r -> r.stored().caseNumber())
			.filter(Objects::nonNull).toList());
		Map<Long, List<Procurement>> byProject = new LinkedHashMap<>();
		for (Row row : rows) {
			Procurement stored = row.stored();
			PurchaseCases.Figures f = stored.caseNumber() == null ? null : cases.get(stored.caseNumber());
			byProject.computeIfAbsent(row.projectId(), id -> new ArrayList<>()).add(f == null ? stored
					: new Procurement(stored.id(), stored.caseNumber(), null, f.description(), f.amount(), f.certifiedOn(),
							f.committedOn(), f.conformityOn(), f.paidOn(), f.nextSteps()));
		}
		return projects.stream().map(p -> new Project(p.id(), p.ubigeo(), p.code(), p.name(), p.source(), p.budget(),
				p.year(), p.plannedStart(), p.plannedEnd(), p.responsibleOffice(), p.originCaseNumber(),
				p.priorityRank(), byProject.getOrDefault(p.id(), List.of()))).toList();
	}

	private static Project project(ResultSet rs, int row) throws SQLException {
		return new Project(rs.getLong("id"), rs.getString("ubigeo"), rs.getString("code"), rs.getString("name"),
				FundingSource.valueOf(rs.getString("funding_source")), rs.getBigDecimal("budget"), rs.getInt("year"),
				rs.getDate("planned_start").toLocalDate(), rs.getDate("planned_end").toLocalDate(),
				rs.getString("responsible_office"), rs.getString("origin_case_number"), rs.getObject("priority_rank", Integer.class),
				List.of());
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static Date sqlDate(String text) {
		LocalDate date = Amounts.date(text);
		return date == null ? null : Date.valueOf(date);
	}

}
