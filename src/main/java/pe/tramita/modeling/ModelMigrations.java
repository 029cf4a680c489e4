package pe.tramita.modeling;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.engine.RunningCases;
import pe.tramita.engine.RunningCases.RunningCase;
import pe.tramita.security.StaffUser;

/**
 * Moves running cases from one version of a procedure to another with Camunda's migration API. The preview tries
 * each case's migration in a transaction that is rolled back, so it says exactly which cases can move and, for the
 * others, why (in the advisor's words when it is a step the new version lacks). The migration itself runs as a
 * Camunda batch: one case per job, each in its own transaction, so a case that fails stays whole on its old version
 * and the others move.
 */
@Service
public class ModelMigrations {

	/** A running case as the preview shows it. */
	public record CasePreview(String processInstanceId, String caseNumber, List<String> currentSteps, boolean canMove,
			List<Reason> reasons) {
	}

	/** Why a case cannot move: a message key ({@code model.migration.*}) and its arguments. */
	public record Reason(String messageKey, List<Object> arguments) {
	}

	/** The preview of moving the advisor's cases from one version to another. */
	public record Preview(ProcessDefinition source, ProcessDefinition target, List<String> planProblems,
			List<CasePreview> cases) {

		public long movable() {
			return cases.stream().filter(CasePreview::canMove).count();
		}

	}

	/** How far a migration batch has got. */
	public record Progress(String batchId, int total, int completed, int failed, boolean finished) {
	}

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final ManagementService managementService;

	private final HistoryService historyService;

	private final ProcedureCatalog catalog;

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	private final RunningCases runningCases;

	private final TransactionTemplate dryRun;

	ModelMigrations(RuntimeService runtimeService, RepositoryService repositoryService,
			ManagementService managementService, HistoryService historyService, ProcedureCatalog catalog,
			JdbcTemplate jdbc, LegalClock clock, RunningCases runningCases, PlatformTransactionManager transactions) {
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.managementService = managementService;
		this.historyService = historyService;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
		this.runningCases = runningCases;
		this.dryRun = new TransactionTemplate(transactions);
		this.dryRun.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	public Preview preview(String sourceId, String targetId, StaffUser advisor) {
		ProcessDefinition source = definition(sourceId);
		ProcessDefinition target = definition(targetId);
		if (!source.getKey().equals(target.getKey()) || source.getId().equals(target.getId())) {
			throw new ModelRejectedException("model.migration.error.versions");
		}
		MigrationPlan plan;
		try {
			plan = plan(source, target);
		}
		catch (MigrationPlanValidationException e) {
			List<String> problems = e.getValidationReport().getInstructionReports().stream()
				.flatMap(r -> r.getFailures().stream().map(f -> stepName(source, r.getMigrationInstruction().getSourceActivityId()) + ": " + f))
				.toList();
			return new Preview(source, target, problems, List.of());
		}
		Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
			.collect(Collectors.toSet());
		BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
		List<CasePreview> cases = new ArrayList<>();
		for (RunningCase running : casesOf(source, advisor)) {
			String instance = running.processInstanceId();
			List<String> steps = runtimeService.getActiveActivityIds(instance);
			List<Reason> reasons = new ArrayList<>();
			for (String step : steps) {
				if (!mapped.contains(step)) {
					reasons.add(new Reason("model.migration.missingStep", List.of(step(sourceModel, step), target.getVersion())));
				}
			}
			if (reasons.isEmpty()) {
				reasons.addAll(tryMigration(plan, instance, sourceModel));
			}
			cases.add(new CasePreview(instance, running.caseNumber(),
					steps.stream().map(s -> step(sourceModel, s)).toList(), reasons.isEmpty(), reasons));
		}
		return new Preview(source, target, List.of(), cases);
	}

	/** Starts the batch for the cases the preview found movable; answers the batch id. */
	public String start(String sourceId, String targetId, StaffUser advisor) {
		Preview preview = preview(sourceId, targetId, advisor);
		List<String> movable = preview.cases().stream().filter(CasePreview::canMove)
			.map(CasePreview::processInstanceId).toList();
		if (movable.isEmpty()) {
			throw new ModelRejectedException("model.migration.error.none");
		}
		Batch batch = runtimeService.newMigration(plan(preview.source(), preview.target()))
			.processInstanceIds(movable)
			.executeAsync();
		jdbc.update("""
				INSERT INTO tramita.model_migration (batch_id, procedure_key, source_definition_id, target_definition_id,
				    cases, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", batch.getId(),
				catalog.findByProcessKey(preview.source().getKey()).orElseThrow().key(), sourceId, targetId,
				movable.size(), advisor.id(), Timestamp.from(clock.now().toInstant()));
		return batch.getId();
	}

	public Optional<Progress> progress(String batchId) {
		List<Map<String, Object>> started = jdbc.queryForList("SELECT cases FROM tramita.model_migration WHERE batch_id = ?",
				batchId);
		if (started.isEmpty()) {
			return Optional.empty();
		}
		int total = ((Number) started.get(0).get("cases")).intValue();
		BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
		if (running == null) {
			HistoricBatch ended = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
			return Optional.of(new Progress(batchId, total, ended == null || ended.getEndTime() == null ? 0 : total, 0,
					ended != null && ended.getEndTime() != null));
		}
		// the batch's jobs are created in chunks; the ones not created yet are neither completed nor failed
		return Optional.of(new Progress(batchId, total, running.getCompletedJobs(), running.getFailedJobs(), false));
	}

	private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
		return runtimeService.createMigrationPlan(source.getId(), target.getId())
			.mapEqualActivities()
			.updateEventTriggers()
			.build();
	}

	/** The case's migration done and rolled back: the engine's reasons when it cannot be done. */
	private List<Reason> tryMigration(MigrationPlan plan, String instance, BpmnModelInstance sourceModel) {
		try {
			dryRun.executeWithoutResult(status -> {
				status.setRollbackOnly();
				runtimeService.newMigration(plan).processInstanceIds(instance).execute();
			});
			return List.of();
		}
		catch (MigratingProcessInstanceValidationException e) {
			List<Reason> reasons = new ArrayList<>();
			e.getValidationReport().getFailures().forEach(f -> reasons.add(new Reason("model.migration.engine", List.of("", f))));
			for (MigratingActivityInstanceValidationReport report : e.getValidationReport().getActivityInstanceReports()) {
				report.getFailures().forEach(f -> reasons.add(new Reason("model.migration.engine",
						List.of(step(sourceModel, report.getSourceScopeId()), f))));
			}
			return reasons;
		}
	}

	/** The advisor's running cases on the version (an administrator's: all of them). */
	private List<RunningCase> casesOf(ProcessDefinition source, StaffUser advisor) {
		return runningCases.of(source.getId()).stream()
			.filter(c -> advisor.reaches(c.ubigeo()))
			.toList();
	}

	private ProcessDefinition definition(String id) {
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null) {
			throw new ModelRejectedException("model.error.version");
		}
		return definition;
	}

	private String stepName(ProcessDefinition definition, String activityId) {
		return step(repositoryService.getBpmnModelInstance(definition.getId()), activityId);
	}

	private static String step(BpmnModelInstance model, String activityId) {
		FlowElement element = model.getModelElementById(activityId);
		return element == null || element.getName() == null ? activityId : element.getName();
	}

}
