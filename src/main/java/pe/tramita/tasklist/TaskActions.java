package pe.tramita.tasklist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.form.ModelForms;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;
import pe.tramita.tasklist.Colleagues.Colleague;
import pe.tramita.text.VisibleText;

/**
 * Handing a task over (assign to a colleague of its office, delegate and resolve), a follow-up date, comments and
 * attachments. Each action checks who may take it, validates its input and changes nothing when it refuses.
 */
@Service
public class TaskActions {

	static final int MAX_TEXT = 2000;

	private final ClerkTasks tasks;

	private final TaskService taskService;

	private final Colleagues colleagues;

	private final Documents documents;

	private final StaffAudit audit;

	private final LegalClock clock;

	private final Expedientes expedientes;

	TaskActions(ClerkTasks tasks, TaskService taskService, Colleagues colleagues, Documents documents,
			StaffAudit audit, LegalClock clock, Expedientes expedientes) {
		this.expedientes = expedientes;
		this.tasks = tasks;
		this.taskService = taskService;
		this.colleagues = colleagues;
		this.documents = documents;
		this.audit = audit;
		this.clock = clock;
	}

	/** The task's holder, a supervisor, or a clerk of its office while it is free, gives it to a colleague of its office. */
	@Transactional
	public void assign(String taskId, StaffUser clerk, String colleagueId) {
		Task task = tasks.visibleTask(taskId, clerk);
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new TaskActionRejectedException("task.assign.delegated");
		}
		Set<String> offices = tasks.candidateOffices(task);
		if (!ClerkTasks.mayAssign(task, offices, clerk)) {
			throw new TaskActionRejectedException("task.assign.notAllowed");
		}
		Colleague colleague = chosen(colleagues.inOffices(offices, task.getTenantId()), colleagueId,
				"task.assign.notInOffice");
		changeTask(() -> taskService.setAssignee(task.getId(), colleague.id()));
		audit.record(task, clerk, StaffAction.Kind.ASSIGNED, colleague.name());
	}

	/** The holder asks a colleague of the same municipality to do part of the work; the task comes back on resolve. */
	@Transactional
	public void delegate(String taskId, StaffUser clerk, String colleagueId) {
		Task task = heldBy(taskId, clerk);
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new TaskActionRejectedException("task.delegate.already");
		}
		Colleague colleague = chosen(colleagues.inMunicipality(task.getTenantId(), clerk.id()), colleagueId,
				"task.delegate.notColleague");
		changeTask(() -> taskService.delegateTask(task.getId(), colleague.id()));
		audit.record(task, clerk, StaffAction.Kind.DELEGATED, colleague.name());
	}

	/** The delegate answers and gives the task back to whoever delegated it. */
	@Transactional
	public void resolve(String taskId, StaffUser clerk, String answer) {
		Task task = heldBy(taskId, clerk);
		if (task.getDelegationState() != DelegationState.PENDING) {
			throw new TaskActionRejectedException("task.resolve.notDelegated");
		}
		String text = text(answer, "task.resolve.answerRequired");
		changeTask(() -> taskService.resolveTask(task.getId()));
		audit.record(task, clerk, StaffAction.Kind.RESOLVED, text);
	}

	/**
	 * The holder sets (or, with an empty date, clears) the day to look at the task again, dd/MM/yyyy, from today to a
	 * year ahead.
	 */
	@Transactional
	public void followUp(String taskId, StaffUser clerk, String typedDate) {
		Task task = heldBy(taskId, clerk);
		LocalDate date = null;
		if (typedDate != null && !typedDate.isBlank()) {
			try {
				date = LocalDate.parse(typedDate.strip(), ModelForms.DATE);
			}
			catch (DateTimeParseException e) {
				throw new TaskActionRejectedException("task.followUp.badDate");
			}
			LocalDate today = clock.today();
			if (date.isBefore(today) || date.isAfter(today.plusYears(1))) {
				throw new TaskActionRejectedException("task.followUp.outOfRange");
			}
		}
		task.setFollowUpDate(date == null ? null : Date.from(date.atStartOfDay(TramitaApplication.LIMA).toInstant()));
		changeTask(() -> taskService.saveTask(task));
		audit.record(task, clerk, StaffAction.Kind.FOLLOW_UP, date == null ? null : ModelForms.DATE.format(date));
	}

	/** A comment for the staff (citizens never see it) by anyone who may see the task. */
	@Transactional
	public void comment(String taskId, StaffUser clerk, String comment) {
		Task task = tasks.visibleTask(taskId, clerk);
		audit.record(task, clerk, StaffAction.Kind.COMMENTED, text(comment, "task.comment.required"));
	}

	/**
	 * A document added to the case by staff, checked like the citizens' uploads. {@code forCitizen}: it is handed to
	 * the citizen (the information requested, an answer), who is told and reads it on the status page.
	 */
	@Transactional
	public void attach(String taskId, StaffUser clerk, MultipartFile part, boolean forCitizen) {
		Task task = tasks.visibleTask(taskId, clerk);
		UploadedFile file = documents.validate(attachmentLabel(task), part)
			.orElseThrow(() -> new UploadRejectedException("upload.none", ""));
		ExpedienteView expediente = tasks.expedienteOf(task);
		DocumentView stored = documents.store(expediente.id(), expediente.ubigeo(), file, clock.now().toInstant(),
				clerk.id(), forCitizen);
		audit.record(task, clerk, StaffAction.Kind.ATTACHED, file.fileName());
		if (forCitizen) {
			expedientes.deliver(expediente.id(), List.of(stored), clerk.id());
		}
	}

	private Task heldBy(String taskId, StaffUser clerk) {
		Task task = tasks.visibleTask(taskId, clerk);
		if (!clerk.id().equals(task.getAssignee())) {
			throw new TaskActionRejectedException("task.notYours");
		}
		return task;
	}

	/** The colleague the clerk picked, if they are among those the task may go to. */
	private static Colleague chosen(List<Colleague> allowed, String colleagueId, String refusalKey) {
		return allowed.stream()
			.filter(candidate -> candidate.id().equals(colleagueId))
			.findFirst()
			.orElseThrow(() -> new TaskActionRejectedException(refusalKey));
	}

	/** Another clerk changed the task first: the engine's optimistic lock refuses this change. */
	private static void changeTask(Runnable change) {
		try {
			change.run();
		}
		catch (OptimisticLockingException e) {
			throw new TaskActionRejectedException("task.changedMeanwhile");
		}
	}

	private static String attachmentLabel(Task task) {
		String label = "Adjunto: " + task.getName();
		return label.length() > 60 ? label.substring(0, 60) : label;
	}

	private static String text(String typed, String requiredKey) {
		String text = typed == null ? "" : typed.strip();
		// nothing readable (blanks, zero-width or direction characters) is no text
		if (text.isEmpty() || !VisibleText.Validator.isVisible(text)) {
			throw new TaskActionRejectedException(requiredKey);
		}
		if (text.length() > MAX_TEXT) {
			throw new TaskActionRejectedException("task.text.tooLong", MAX_TEXT);
		}
		return text;
	}

}
