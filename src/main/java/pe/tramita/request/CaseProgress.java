package pe.tramita.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.catalog.ModelTexts;

/** Where a case is in its process and what has happened to it, read from the engine; it never writes. */
@Service
public class CaseProgress {

	private static final Pattern CHOSEN_OFFICE = Pattern.compile("\\$\\{(\\w+)}");


	private final Expedientes expedientes;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	private final ModelTexts texts;

	CaseProgress(Expedientes expedientes, TaskService taskService, HistoryService historyService,
			IdentityService identityService, RepositoryService repositoryService, ModelTexts texts) {
		this.texts = texts;
		this.repositoryService = repositoryService;
		this.expedientes = expedientes;
		this.taskService = taskService;
		this.historyService = historyService;
		this.identityService = identityService;
	}

	/** A step the case waits on now, with the office that holds it. */
	public record CurrentStep(String name, String office) {
	}

	@Transactional(readOnly = true)
	public List<CurrentStep> currentSteps(ExpedienteView expediente) {
		if (expediente.processInstanceId() == null) {
			return List.of();
		}
		Map<String, String> officeNames = officeNames();
		return taskService.createTaskQuery().processInstanceId(expediente.processInstanceId()).list().stream()
			.map(task -> new CurrentStep(texts.step(expediente.procedureKey(), task.getTaskDefinitionKey(),
					task.getName()), officeName(officeNames, candidateGroup(task))))
			.toList();
	}

	/** Filing, every step taken and finished, observations and outcome, oldest first. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(ExpedienteView expediente) {
		List<TimelineEntry> timeline = new ArrayList<>(expedientes.events(expediente.id()));
		if (expediente.processInstanceId() != null) {
			Map<String, String> officeNames = officeNames();
			for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(expediente.processInstanceId())
				.list()) {
				String office = officeName(officeNames, modelledOffice(task));
				String step = texts.step(expediente.procedureKey(), task.getTaskDefinitionKey(), task.getName());
				timeline.add(new TimelineEntry(task.getStartTime().toInstant(), "timeline.step.started", null, step,
						office));
				if (task.getEndTime() != null) {
					timeline.add(new TimelineEntry(task.getEndTime().toInstant(), "timeline.step.finished", null, step,
							office));
				}
			}
		}
		timeline.sort(Comparator.comparing(TimelineEntry::at));
		return timeline;
	}

	/** Display names of the offices, read once per page. */
	private Map<String, String> officeNames() {
		return identityService.createGroupQuery().list().stream()
			.collect(Collectors.toMap(Group::getId, group -> group.getName() == null ? group.getId() : group.getName()));
	}

	private static String officeName(Map<String, String> officeNames, String groupId) {
		return groupId == null ? null : officeNames.getOrDefault(groupId, groupId);
	}

	private String candidateGroup(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The office the model assigns the step to (the engine keeps parsed models in its cache: no query), or, for
	 * {@code ${field}}, the office an earlier step chose.
	 */
	private String modelledOffice(HistoricTaskInstance task) {
		UserTask step = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		String office = step == null ? null : step.getCamundaCandidateGroups();
		Matcher chosen = CHOSEN_OFFICE.matcher(office == null ? "" : office);
		if (!chosen.matches()) {
			return office;
		}
		return historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.variableName(chosen.group(1))
			.list()
			.stream()
			.map(variable -> String.valueOf(variable.getValue()))
			.findFirst()
			.orElse(null);
	}

}
