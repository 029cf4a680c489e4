package pe.tramita.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import pe.tramita.analytics.CycleTimes;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Tupa;
import pe.tramita.costing.CostSheet.Position;
import pe.tramita.costing.CostingInputs.ActivityInput;

/**
 * Each municipality's positions and costings, and the figures worked out from them: the cost sheet of a procedure's
 * model version, its fee checked against that cost, its requirements checked against the documents the law forbids
 * asking for. A costing not saved yet is offered pre-filled: the model's steps between the reception and the
 * notification, with the minutes Tramita measured for each (the median working time, claim to completion, over the
 * last twelve months in that municipality).
 */
@Service
public class Costings {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final RepositoryService repositoryService;

	private final CycleTimes cycleTimes;

	private final Tupa tupa;

	private final LegalClock clock;

	Costings(JdbcTemplate jdbc, ObjectMapper json, RepositoryService repositoryService, CycleTimes cycleTimes, Tupa tupa,
			LegalClock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.repositoryService = repositoryService;
		this.cycleTimes = cycleTimes;
		this.tupa = tupa;
		this.clock = clock;
	}

	/** A procedure's costing in a municipality, with every figure; {@code sheet} is null until it can be computed. */
	public record Costing(String ubigeo, Procedure procedure, int version, CostingInputs inputs, boolean saved,
			List<Position> positions, CostSheet sheet, FeeCheck fee, List<RequirementCheck.Finding> requirements,
			BigDecimal uit, CitizenBurden burden) {
	}

	public List<Position> positions(String ubigeo) {
		return jdbc.query("SELECT name, monthly_cost FROM tramita.cost_position WHERE ubigeo = ? ORDER BY name",
				(rs, n) -> new Position(rs.getString("name"), rs.getBigDecimal("monthly_cost")), ubigeo);
	}

	@Transactional
	public void savePosition(String ubigeo, Position position, String by) {
		jdbc.update("""
				INSERT INTO tramita.cost_position (ubigeo, name, monthly_cost, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (ubigeo, name) DO UPDATE SET monthly_cost = EXCLUDED.monthly_cost,
				    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""", ubigeo, position.name(),
				position.monthlyCost(), by, Timestamp.from(clock.instant()));
	}

	@Transactional
	public void removePosition(String ubigeo, String name) {
		jdbc.update("DELETE FROM tramita.cost_position WHERE ubigeo = ? AND name = ?", ubigeo, name);
	}

	/** Every position of the file, or none when a line is wrong: the lines' problems say which and why. */
	@Transactional
	public PositionsFile.Result importPositions(String ubigeo, String file, String by) {
		PositionsFile.Result result = PositionsFile.read(file);
		if (result.problems().isEmpty()) {
			result.positions().forEach(position -> savePosition(ubigeo, position, by));
		}
		return result;
	}

	/** The costing of the model version new cases of the procedure start on in that municipality. */
	@Transactional(readOnly = true)
	public Costing costing(String ubigeo, Procedure procedure) {
		return costing(ubigeo, procedure, null);
	}

	/** The costing of one model version of the procedure ({@code null}: the one new cases start on). */
	@Transactional(readOnly = true)
	public Costing costing(String ubigeo, Procedure procedure, Integer modelVersion) {
		int year = clock.today().getYear();
		Procedure own = tupa.find(ubigeo, procedure.key(), year).map(Tupa.Entry::procedure).orElse(procedure);
		ProcessDefinition definition = modelVersion == null ? definition(procedure.processKey(), ubigeo)
				: definition(procedure.processKey(), ubigeo, modelVersion);
		if (modelVersion != null && definition == null) {
			throw new IllegalArgumentException("No version " + modelVersion + " of " + procedure.key());
		}
		int version = definition == null ? 1 : definition.getVersion();
		Optional<CostingInputs> saved = saved(ubigeo, procedure.key(), version);
		CostingInputs inputs = saved.orElseGet(() -> prefilled(ubigeo, procedure, definition));
		List<Position> positions = positions(ubigeo);
		BigDecimal uit = tupa.uit(year).orElse(null);
		List<String> names = positions.stream().map(Position::name).toList();
		CostSheet sheet = inputs.problems(names).isEmpty() ? CostSheet.of(positions, inputs.minutesPerMonth(),
				inputs.sheetActivities(), inputs.materials(), inputs.services(), inputs.overheads(), uit) : null;
		FeeCheck fee = sheet == null ? null : FeeCheck.of(own.feeSoles(), sheet.total(), uit);
		CitizenBurden burden = inputs.burdenProblems().isEmpty()
				? CitizenBurden.of(inputs.burdenOrTypical(), own.feeSoles(), concludedInAYear(ubigeo, procedure.key()))
				: null;
		return new Costing(ubigeo, own, version, inputs, saved.isPresent(), positions, sheet, fee,
				RequirementCheck.of(own.requirements()), uit, burden);
	}

	/** Saves the inputs when they have no problem; returns the problems otherwise, and nothing is saved. */
	@Transactional
	public List<CostingInputs.Problem> save(String ubigeo, String procedureKey, int version, CostingInputs inputs,
			String by) {
		List<CostingInputs.Problem> problems = inputs.problems(positions(ubigeo).stream().map(Position::name).toList());
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.update("""
				INSERT INTO tramita.costing (ubigeo, procedure_key, version, inputs, updated_by, updated_at)
				VALUES (?, ?, ?, ?::jsonb, ?, ?)
				ON CONFLICT (ubigeo, procedure_key, version) DO UPDATE SET inputs = EXCLUDED.inputs,
				    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""", ubigeo, procedureKey, version,
				write(inputs), by, Timestamp.from(clock.instant()));
		return List.of();
	}

	/**
	 * The cost per case of each procedure costed for the model version its new cases start on, by procedure key:
	 * only saved costings, so a public page costs a query and a sum, not a measurement.
	 */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> costs(String ubigeo, List<Procedure> procedures) {
		Map<String, Map<Integer, CostingInputs>> saved = new HashMap<>();
		jdbc.query("SELECT procedure_key, version, inputs FROM tramita.costing WHERE ubigeo = ?",
				(RowCallbackHandler) rs -> saved.computeIfAbsent(rs.getString("procedure_key"), k -> new HashMap<>())
					.put(rs.getInt("version"), read(rs.getString("inputs"))),
				ubigeo);
		Map<String, BigDecimal> costs = new HashMap<>();
		if (saved.isEmpty()) {
			return costs;
		}
		List<Position> positions = positions(ubigeo);
		List<String> names = positions.stream().map(Position::name).toList();
		for (Procedure procedure : procedures) {
			Map<Integer, CostingInputs> versions = saved.get(procedure.key());
			if (versions == null) {
				continue;
			}
			ProcessDefinition definition = definition(procedure.processKey(), ubigeo);
			CostingInputs inputs = versions.get(definition == null ? 1 : definition.getVersion());
			if (inputs != null && inputs.problems(names).isEmpty()) {
				costs.put(procedure.key(), CostSheet.of(positions, inputs.minutesPerMonth(), inputs.sheetActivities(),
						inputs.materials(), inputs.services(), inputs.overheads(), null).total());
			}
		}
		return costs;
	}

	/** The municipalities where some version of the procedure has a saved costing. */
	@Transactional(readOnly = true)
	public Set<String> costedIn(String procedureKey) {
		return new HashSet<>(jdbc.queryForList(
				"SELECT DISTINCT ubigeo FROM tramita.costing WHERE procedure_key = ?", String.class, procedureKey));
	}

	private Optional<CostingInputs> saved(String ubigeo, String procedureKey, int version) {
		return jdbc.query("SELECT inputs FROM tramita.costing WHERE ubigeo = ? AND procedure_key = ? AND version = ?",
				(rs, n) -> read(rs.getString("inputs")), ubigeo, procedureKey, version).stream().findFirst();
	}

	private CostingInputs prefilled(String ubigeo, Procedure procedure, ProcessDefinition definition) {
		Map<String, BigDecimal> measured = measuredMinutes(ubigeo, procedure.key(),
				definition == null ? null : definition.getVersion());
		List<ActivityInput> activities = new ArrayList<>();
		activities.add(new ActivityInput("Recepción y registro de la solicitud", null, BigDecimal.ZERO, null, null));
		if (definition != null) {
			BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
			for (UserTask step : model.getModelElementsByType(UserTask.class)) {
				BigDecimal minutes = measured.get(step.getId());
				activities.add(new ActivityInput(step.getName() == null ? step.getId() : step.getName(), null,
						minutes == null ? BigDecimal.ZERO : minutes, minutes, null));
			}
		}
		activities.add(new ActivityInput("Notificación de la resolución", null, BigDecimal.ZERO, null, null));
		return new CostingInputs(CostSheet.DEFAULT_MINUTES_PER_MONTH, activities, List.of(), List.of(), List.of(), null);
	}

	/** Cases of the procedure concluded in the municipality over the last twelve months: the year's volume. */
	private long concludedInAYear(String ubigeo, String procedureKey) {
		LocalDate today = clock.today();
		return cycleTimes.cases(new CycleTimes.Scope(today.minusMonths(12), today, null, ubigeo, procedureKey), "procedure")
			.stream().mapToLong(CycleTimes.Measures::count).sum();
	}

	/** Median working minutes (claim to completion) of each step, over the last twelve months. */
	private Map<String, BigDecimal> measuredMinutes(String ubigeo, String procedureKey, Integer version) {
		LocalDate today = clock.today();
		return medianWorkingMinutes(cycleTimes.steps(
				new CycleTimes.Scope(today.minusMonths(12), today, null, ubigeo, procedureKey), version));
	}

	/** Each measured step's median working time (claim to completion) in whole minutes, by step id. */
	static Map<String, BigDecimal> medianWorkingMinutes(List<CycleTimes.StepMeasures> steps) {
		Map<String, BigDecimal> minutes = new HashMap<>();
		for (CycleTimes.StepMeasures step : steps) {
			if (step.medianWorkingHours() != null) {
				minutes.put(step.activityId(),
						BigDecimal.valueOf(step.medianWorkingHours() * 60).setScale(0, RoundingMode.HALF_UP));
			}
		}
		return minutes;
	}

	/** The model versions of the procedure a municipality's cases can run on (its own, or the shared ones). */
	@Transactional(readOnly = true)
	public List<Integer> versions(String ubigeo, Procedure procedure) {
		List<ProcessDefinition> own = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(procedure.processKey()).tenantIdIn(ubigeo).list();
		List<ProcessDefinition> all = own.isEmpty() ? repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(procedure.processKey()).withoutTenantId().list() : own;
		return all.stream().map(ProcessDefinition::getVersion).sorted().toList();
	}

	/** The municipalities that run their own versions of the process, not the shared ones. */
	@Transactional(readOnly = true)
	public Set<String> withOwnVersions(String processKey) {
		Set<String> tenants = new HashSet<>();
		repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).list().stream()
			.map(ProcessDefinition::getTenantId).filter(java.util.Objects::nonNull).forEach(tenants::add);
		return tenants;
	}

	/** The model of one version, to compare versions' steps and hand-offs. */
	BpmnModelInstance model(String processKey, String ubigeo, int version) {
		ProcessDefinition definition = definition(processKey, ubigeo, version);
		return definition == null ? null : repositoryService.getBpmnModelInstance(definition.getId());
	}

	private ProcessDefinition definition(String processKey, String ubigeo, int version) {
		ProcessDefinition own = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.tenantIdIn(ubigeo).processDefinitionVersion(version).singleResult();
		return own != null ? own : repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.withoutTenantId().processDefinitionVersion(version).singleResult();
	}

	private ProcessDefinition definition(String processKey, String ubigeo) {
		ProcessDefinition own = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.tenantIdIn(ubigeo).latestVersion().singleResult();
		return own != null ? own : repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.withoutTenantId().latestVersion().singleResult();
	}

	private String write(CostingInputs inputs) {
		try {
			return json.writeValueAsString(inputs);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write a costing", e);
		}
	}

	private CostingInputs read(String text) {
		try {
			return json.readValue(text, CostingInputs.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot read a costing", e);
		}
	}

}
