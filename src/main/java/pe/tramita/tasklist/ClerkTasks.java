package pe.tramita.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.catalog.ModelTexts;
import pe.tramita.engine.EngineTasks;
import pe.tramita.engine.TaskLocks;
import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;

/**
 * The clerk's work on one task: reading it with its case, claiming, and completing the step with its form. Every
 * call checks that the clerk may see the task (see {@link #visibleTask}).
 */
@Service
public class ClerkTasks {

	private final TaskService taskService;

	private final FormService formService;

	private final RuntimeService runtimeService;

	private final Expedientes expedientes;

	private final CaseFiles caseFiles;

	private final Colleagues colleagues;

	private final StaffAudit audit;

	private final TaskLocks taskLocks;

	private final ModelTexts texts;

	private final EngineTasks engineTasks;

	ClerkTasks(TaskService taskService, FormService formService, RuntimeService runtimeService,
			Expedientes expedientes, CaseFiles caseFiles, Colleagues colleagues, StaffAudit audit, TaskLocks taskLocks,
			ModelTexts texts, EngineTasks engineTasks) {
		this.texts = texts;
		this.engineTasks = engineTasks;
		this.taskService = taskService;
		this.formService = formService;
		this.runtimeService = runtimeService;
		this.expedientes = expedientes;
		this.caseFiles = caseFiles;
		this.colleagues = colleagues;
		this.audit = audit;
		this.taskLocks = taskLocks;
	}

	@Transactional(readOnly = true)
	public TaskDetails details(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		CaseFile file = caseFiles.of(expedienteOf(task));
		var formFields = formService.getTaskFormData(taskId).getFormFields();
		// a step done before (a review again after the citizen's correction) starts from empty fields
		boolean doneBefore = file.stepsDone().stream().anyMatch(step -> step.key().equals(task.getTaskDefinitionKey()));
		var fields = doneBefore ? ModelForms.freshFields(formFields) : ModelForms.fields(formFields);
		return details(task, file, fields, clerk);
	}

	/** The same page again with what the clerk typed and why it was refused. */
	TaskDetails detailsWithTypedValues(String taskId, StaffUser clerk, List<ModelFormField> typed) {
		Task task = visibleTask(taskId, clerk);
		return details(task, caseFiles.of(expedienteOf(task)), typed, clerk);
	}

	/** Of two clerks claiming at once, the engine's optimistic lock lets one win; the other is told who was faster. */
	@Transactional
	public void claim(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		try {
			taskService.claim(task.getId(), clerk.id());
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
			throw new TaskClaimedByOtherException(taskId);
		}
		audit.record(task, clerk, StaffAction.Kind.CLAIMED, null);
	}

	@Transactional
	public void unclaim(String taskId, StaffUser clerk) {
		Task task = visibleTask(taskId, clerk);
		if (clerk.id().equals(task.getAssignee()) && task.getDelegationState() != DelegationState.PENDING) {
			taskService.setAssignee(task.getId(), null);
			audit.record(task, clerk, StaffAction.Kind.UNCLAIMED, null);
		}
	}

	/** Completes the step when every field passes its model's constraints; otherwise changes nothing. */
	@Transactional
	public ModelForms.Submission complete(String taskId, StaffUser clerk, Map<String, String> typed) {
		visibleTask(taskId, clerk);
		lockUntilThisTransactionEnds(taskId);
		Task task = visibleTask(taskId, clerk);
		if (!clerk.id().equals(task.getAssignee())) {
			throw new TaskClaimedByOtherException(taskId);
		}
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new TaskActionRejectedException("task.delegatedResolveInstead");
		}
		// the task can vanish at any point below when someone else completes it at the same moment
		try {
			var fields = ModelForms.fields(formService.getTaskFormData(taskId).getFormFields());
			ModelForms.Submission submission = ModelForms.parse(fields, typed);
			if (submission.valid()) {
				// recorded first: it names the step, which the completion removes from the runtime tables
				audit.record(task, clerk, StaffAction.Kind.COMPLETED, null);
				taskService.complete(task.getId(), submission.variables());
			}
			return submission;
		}
		catch (NullValueException | OptimisticLockingException doneMeanwhile) {
			throw new TaskAlreadyDoneException(taskId);
		}
	}

	/**
	 * Waits for whoever is completing the same task and locks it for this transaction. The engine's optimistic lock
	 * alone is not enough here: a second completion that read the task before the first committed goes on to run
	 * the process from where the first left it, and fails with whatever the next step's expressions say.
	 */
	private void lockUntilThisTransactionEnds(String taskId) {
		if (!taskLocks.lockUntilTransactionEnds(taskId)) {
			throw new TaskAlreadyDoneException(taskId);
		}
	}

	/**
	 * The task, if the clerk may see it: in one of their municipalities, and theirs, delegated by them, offered to
	 * one of their offices, or any task there for a supervisor. Anything else looks like a task that does not exist.
	 */
	Task visibleTask(String taskId, StaffUser clerk) {
		Task task = engineTasks.find(taskId).orElse(null);
		if (task == null || !clerk.worksIn(task.getTenantId())) {
			throw new TaskNotAvailableException(taskId);
		}
		if (clerk.id().equals(task.getAssignee()) || clerk.id().equals(task.getOwner()) || clerk.supervises()
				|| candidateOffices(task).stream().anyMatch(clerk.offices()::contains)) {
			return task;
		}
		throw new TaskNotAvailableException(taskId);
	}

	Set<String> candidateOffices(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
	}

	/** Its holder, a supervisor, or a clerk of one of its offices while it is free may hand a task out. */
	static boolean mayAssign(Task task, Set<String> candidateOffices, StaffUser clerk) {
		return clerk.id().equals(task.getAssignee()) || clerk.supervises()
				|| task.getAssignee() == null && candidateOffices.stream().anyMatch(clerk.offices()::contains);
	}

	ExpedienteView expedienteOf(Task task) {
		return expedientes.findByProcessInstanceId(task.getProcessInstanceId()).orElseGet(() -> {
			String caseNumber = runtimeService.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult()
				.getBusinessKey();
			return expedientes.findByCaseNumber(caseNumber).orElseThrow();
		});
	}

	private TaskDetails details(Task task, CaseFile file, List<ModelFormField> fields, StaffUser clerk) {
		boolean mine = clerk.id().equals(task.getAssignee());
		boolean delegated = task.getDelegationState() == DelegationState.PENDING;
		Set<String> offices = candidateOffices(task);
		boolean mayAssign = !delegated && mayAssign(task, offices, clerk);
		String procedure = file.expediente().procedureKey();
		String step = task.getTaskDefinitionKey();
		return new TaskDetails(task.getId(), texts.step(procedure, step, task.getName()), task.getDescription(),
				task.getAssignee(), task.getOwner(), nameOf(task.getAssignee()), nameOf(task.getOwner()), delegated,
				mine, mayAssign, task.getCreateTime().toInstant(),
				task.getDueDate() == null ? null : task.getDueDate().toInstant(),
				task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(), file,
				texts.fields(procedure, step, fields), mayAssign ? colleagues.inOffices(offices, task.getTenantId()) : List.of(),
				mine && !delegated ? colleagues.inMunicipality(task.getTenantId(), clerk.id()) : List.of());
	}


	private String nameOf(String userId) {
		return userId == null ? null : colleagues.nameOf(userId);
	}

}
