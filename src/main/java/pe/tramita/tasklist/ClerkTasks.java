package pe.tramita.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.CaseProgress;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;

/**
 * The clerk's work: the tasks of their municipalities and offices, claiming, and completing a step with its form.
 * Every call checks that the task belongs to one of the clerk's municipalities and to them or one of their offices.
 */
@Service
public class ClerkTasks {

	private final TaskService taskService;

	private final FormService formService;

	private final RuntimeService runtimeService;

	private final Expedientes expedientes;

	private final CaseProgress progress;

	private final Documents documents;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final LegalClock clock;

	ClerkTasks(TaskService taskService, FormService formService, RuntimeService runtimeService,
			Expedientes expedientes, CaseProgress progress, Documents documents, Municipalities municipalities,
			ProcedureCatalog catalog, LegalClock clock) {
		this.taskService = taskService;
		this.formService = formService;
		this.runtimeService = runtimeService;
		this.expedientes = expedientes;
		this.progress = progress;
		this.documents = documents;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Tasks assigned to the clerk. */
	@Transactional(readOnly = true)
	public List<TaskRow> myTasks(StaffUser clerk) {
		if (clerk.municipalities().isEmpty()) {
			return List.of();
		}
		return rows(inMunicipalities(clerk).taskAssignee(clerk.id()));
	}

	/** Unassigned tasks of the clerk's offices. */
	@Transactional(readOnly = true)
	public List<TaskRow> availableTasks(StaffUser clerk) {
		if (clerk.municipalities().isEmpty() || clerk.offices().isEmpty()) {
			return List.of();
		}
		return rows(inMunicipalities(clerk).taskCandidateGroupIn(List.copyOf(clerk.offices())));
	}

	@Transactional(readOnly = true)
	public TaskDetails details(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		ExpedienteView expediente = expedienteOf(task);
		var fields = ModelForms.fields(formService.getTaskFormData(taskId).getFormFields());
		return details(task, expediente, fields, clerk);
	}

	/** The same page again with what the clerk typed and why it was refused. */
	TaskDetails detailsWithTypedValues(String taskId, StaffUser clerk, List<ModelFormField> typed) {
		Task task = visibleTask(taskId, clerk);
		return details(task, expedienteOf(task), typed, clerk);
	}

	@Transactional
	public void claim(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		try {
			taskService.claim(task.getId(), clerk.id());
		}
		catch (TaskAlreadyClaimedException e) {
			throw new TaskClaimedByOtherException(taskId);
		}
	}

	@Transactional
	public void unclaim(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		if (clerk.id().equals(task.getAssignee())) {
			taskService.setAssignee(task.getId(), null);
		}
	}

	/** Completes the step when every field passes its model's constraints; otherwise changes nothing. */
	@Transactional
	public ModelForms.Submission complete(String taskId, StaffUser clerk, Map<String, String> typed) {
		Task task = visibleTask(taskId, clerk);
		if (!clerk.id().equals(task.getAssignee())) {
			throw new TaskClaimedByOtherException(taskId);
		}
		var fields = ModelForms.fields(formService.getTaskFormData(taskId).getFormFields());
		ModelForms.Submission submission = ModelForms.parse(fields, typed);
		if (submission.valid()) {
			try {
				taskService.complete(task.getId(), submission.variables());
			}
			catch (NullValueException gone) {
				throw new TaskNotAvailableException(taskId);
			}
		}
		return submission;
	}

	/** The case behind a task the clerk may see; documents are read through it. */
	@Transactional(readOnly = true)
	public ExpedienteView expedienteForClerk(long expedienteId, StaffUser clerk) {
		return expedientes.find(expedienteId)
			.filter(expediente -> clerk.worksIn(expediente.ubigeo()))
			.orElseThrow(() -> new TaskNotAvailableException("case " + expedienteId));
	}

	private TaskQuery inMunicipalities(StaffUser clerk) {
		return taskService.createTaskQuery().tenantIdIn(clerk.municipalities().toArray(String[]::new));
	}

	private List<TaskRow> rows(TaskQuery query) {
		List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 200);
		Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, String> caseNumbers = instanceIds.isEmpty() ? Map.of()
				: runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
					.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
		Map<String, ExpedienteView> cases = expedientes.findByCaseNumbers(caseNumbers.values()).stream()
			.collect(Collectors.toMap(ExpedienteView::caseNumber, Function.identity()));
		Instant now = clock.now().toInstant();
		return tasks.stream().map(task -> {
			String caseNumber = caseNumbers.get(task.getProcessInstanceId());
			ExpedienteView expediente = cases.get(caseNumber);
			Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
			return new TaskRow(task.getId(), task.getName(), caseNumber,
					expediente == null ? null : expediente.applicantName(),
					municipalities.find(task.getTenantId()).map(m -> m.name()).orElse(task.getTenantId()),
					task.getCreateTime().toInstant(), due, due != null && due.isBefore(now), task.getAssignee());
		}).toList();
	}

	private Task visibleTask(String taskId, StaffUser clerk) {
		Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null || !clerk.worksIn(task.getTenantId())) {
			throw new TaskNotAvailableException(taskId);
		}
		if (clerk.id().equals(task.getAssignee())) {
			return task;
		}
		Set<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (groups.stream().noneMatch(clerk.offices()::contains)) {
			throw new TaskNotAvailableException(taskId);
		}
		return task;
	}

	private ExpedienteView expedienteOf(Task task) {
		String caseNumber = runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
		return expedientes.findByCaseNumber(caseNumber).orElseThrow();
	}

	private TaskDetails details(Task task, ExpedienteView expediente, List<ModelFormField> fields, StaffUser clerk) {
		String procedureName = catalog.find(expediente.procedureKey()).map(p -> p.name()).orElse(expediente.procedureKey());
		return new TaskDetails(task.getId(), task.getName(), task.getDescription(), task.getAssignee(),
				clerk.id().equals(task.getAssignee()), task.getCreateTime().toInstant(),
				task.getDueDate() == null ? null : task.getDueDate().toInstant(), expediente, procedureName,
				municipalities.get(expediente.ubigeo()).name(), documents.listFor(expediente.id()),
				progress.timeline(expediente), fields);
	}

}
