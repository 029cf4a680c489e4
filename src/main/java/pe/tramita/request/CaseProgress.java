package pe.tramita.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.catalog.ModelTexts;

/** Where a case is in its process and what has happened to it, read from the engine; it never writes. */
@Service
public class CaseProgress {

	private static final Pattern CHOSEN_OFFICE = Pattern.compile("\\$\\{(\\w+)}");

	private static final long OFFICE_NAMES_KEPT_NANOS = Duration.ofMinutes(1).toNanos();

	private final Expedientes expedientes;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	private final ModelTexts texts;

	private final String taskTable;

	private final String activityTable;

	/** Read at the first page. */
	private volatile OfficeNames officeNames = new OfficeNames(Map.of(), System.nanoTime() - 2 * OFFICE_NAMES_KEPT_NANOS);

	CaseProgress(Expedientes expedientes, HistoryService historyService, IdentityService identityService,
			RepositoryService repositoryService, ManagementService managementService, ModelTexts texts) {
		this.taskTable = managementService.getTableName(HistoricTaskInstance.class);
		this.activityTable = managementService.getTableName(HistoricActivityInstance.class);
		this.texts = texts;
		this.repositoryService = repositoryService;
		this.expedientes = expedientes;
		this.historyService = historyService;
		this.identityService = identityService;
	}

	/** A step the case waits on now, with the office that holds it. */
	public record CurrentStep(String name, String office) {
	}

	/**
	 * What the engine knows of a case, read once for a page: its timeline (filing, steps started and finished,
	 * observations, outcome; oldest first), the steps it waits on now, the activities it is at (for the diagram) and
	 * the steps done, as the engine's history has them, in the order they were finished.
	 */
	public record Progress(List<TimelineEntry> timeline, List<CurrentStep> currentSteps,
			List<String> currentActivityIds, List<HistoricTaskInstance> stepsDone) {
	}

	/**
	 * Read with native queries by process instance: the engine's general history queries assemble their SQL from
	 * some hundred conditions on every call (2 % of the CPU under load, issue 20). Whether the one asking may see the
	 * case is for the caller to check, as it was with those queries.
	 */
	@Transactional(readOnly = true)
	public Progress of(ExpedienteView expediente) {
		List<TimelineEntry> timeline = new ArrayList<>(expedientes.events(expediente.id()));
		if (expediente.processInstanceId() == null) {
			return new Progress(timeline, List.of(), List.of(), List.of());
		}
		// one read of the steps feeds the timeline, the current steps and the steps done
		List<HistoricTaskInstance> tasks = historyService.createNativeHistoricTaskInstanceQuery()
			.sql("SELECT * FROM " + taskTable + " WHERE PROC_INST_ID_ = #{processInstanceId}")
			.parameter("processInstanceId", expediente.processInstanceId())
			.list();
		Map<String, String> chosenOffices = new HashMap<>();
		List<CurrentStep> current = new ArrayList<>();
		for (HistoricTaskInstance task : tasks) {
			String office = officeName(modelledOffice(task, chosenOffices));
			String step = texts.step(expediente.procedureKey(), task.getTaskDefinitionKey(), task.getName());
			timeline.add(new TimelineEntry(task.getStartTime().toInstant(), "timeline.step.started", null, step,
					office));
			if (task.getEndTime() != null) {
				timeline.add(new TimelineEntry(task.getEndTime().toInstant(), "timeline.step.finished", null, step,
						office));
			}
			else {
				current.add(new CurrentStep(step, office));
			}
		}
		timeline.sort(Comparator.comparing(TimelineEntry::at));
		List<HistoricTaskInstance> done = tasks.stream()
			.filter(task -> task.getEndTime() != null)
			.sorted(Comparator.comparing(HistoricTaskInstance::getEndTime))
			.toList();
		List<String> activityIds = historyService.createNativeHistoricActivityInstanceQuery()
			.sql("SELECT * FROM " + activityTable + " WHERE PROC_INST_ID_ = #{processInstanceId} AND END_TIME_ IS NULL")
			.parameter("processInstanceId", expediente.processInstanceId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.distinct()
			.toList();
		return new Progress(timeline, current, activityIds, done);
	}

	/**
	 * Display names of the offices a model names (one or several, comma-separated). The names are read again once a
	 * minute: an office added or renamed here or in Camunda's admin shows its name within a minute, and a page does
	 * not ask the engine for every office.
	 */
	private String officeName(String groupIds) {
		if (groupIds == null) {
			return null;
		}
		OfficeNames names = officeNames;
		if (System.nanoTime() - names.readAt() > OFFICE_NAMES_KEPT_NANOS) {
			names = new OfficeNames(identityService.createGroupQuery().list().stream()
				.collect(Collectors.toMap(Group::getId, group -> group.getName() == null ? group.getId()
						: group.getName())), System.nanoTime());
			officeNames = names;
		}
		Map<String, String> byId = names.byId();
		return Arrays.stream(groupIds.split(","))
			.map(String::strip)
			.map(id -> byId.getOrDefault(id, id))
			.collect(Collectors.joining(", "));
	}

	private record OfficeNames(Map<String, String> byId, long readAt) {
	}

	/**
	 * The office the model assigns the step to (the engine keeps parsed models in its cache: no query), or, for
	 * {@code ${field}}, the office an earlier step chose.
	 */
	private String modelledOffice(HistoricTaskInstance task, Map<String, String> chosenOffices) {
		UserTask step = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		String office = step == null ? null : step.getCamundaCandidateGroups();
		Matcher chosen = CHOSEN_OFFICE.matcher(office == null ? "" : office);
		if (!chosen.matches()) {
			return office;
		}
		return chosenOffices.computeIfAbsent(chosen.group(1), variableName -> historyService
			.createHistoricVariableInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.variableName(variableName)
			.list()
			.stream()
			.map(variable -> String.valueOf(variable.getValue()))
			.findFirst()
			.orElse(null));
	}

}
