package pe.tramita.tasklist;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskPage;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskSort;
import pe.tramita.engine.TaskView;
import pe.tramita.form.FieldError;
import pe.tramita.form.ModelForms;
import pe.tramita.security.StaffUser;

/** The clerk's task list (views, search, saved filters) and the page where a step is worked, handed over and completed. */
@Controller
class TaskListController {

	private final TaskSearch search;

	private final SavedFilters savedFilters;

	private final ClerkTasks tasks;

	private final TaskActions actions;

	private final ProcedureCatalog catalog;

	private final Documents documents;

	TaskListController(TaskSearch search, SavedFilters savedFilters, ClerkTasks tasks, TaskActions actions,
			ProcedureCatalog catalog, Documents documents) {
		this.search = search;
		this.savedFilters = savedFilters;
		this.tasks = tasks;
		this.actions = actions;
		this.catalog = catalog;
		this.documents = documents;
	}

	@GetMapping("/bandeja")
	String taskList(@RequestParam(name = "vista", required = false) String view,
			@RequestParam(name = "buscar", required = false) String text,
			@RequestParam(name = "tramite", required = false) String procedureKey,
			@RequestParam(name = "orden", required = false) String sort,
			@RequestParam(name = "pagina", defaultValue = "1") String page, @AuthenticationPrincipal StaffUser clerk,
			Model model) {
		if (text != null && text.strip().length() > TaskFilter.MAX_SEARCH_LENGTH) {
			model.addAttribute("problem", "tasks.search.tooLong");
			model.addAttribute("problemArgument", TaskFilter.MAX_SEARCH_LENGTH);
			text = null;
		}
		if (view != null && TaskView.fromSlug(view).isEmpty() && !model.containsAttribute("problem")) {
			model.addAttribute("problem", "tasks.unknownView");
			model.addAttribute("problemArgument", view.length() <= 40 ? view : view.substring(0, 40) + "…");
		}
		TaskFilter filter = new TaskFilter(TaskView.fromSlug(view).orElse(TaskView.MINE), text,
				catalog.find(procedureKey == null ? "" : procedureKey).map(p -> p.key()).orElse(null),
				TaskSort.fromSlug(sort).orElse(TaskSort.DUE), page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1);
		TaskPage result = view == null ? search.defaultPage(clerk, filter) : search.page(clerk, filter);
		model.addAttribute("result", result);
		model.addAttribute("views", java.util.Arrays.stream(TaskView.values())
			.filter(v -> !v.forSupervisors() || clerk.supervises()).toList());
		model.addAttribute("sorts", TaskSort.values());
		model.addAttribute("procedures", catalog.all());
		model.addAttribute("savedFilters", savedFilters.of(clerk));
		model.addAttribute("severalMunicipalities", clerk.municipalities().size() > 1);
		return "tasklist/tasks";
	}

	@PostMapping("/bandeja/filtros")
	String saveFilter(@RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "vista", required = false) String view,
			@RequestParam(name = "buscar", required = false) String text,
			@RequestParam(name = "tramite", required = false) String procedureKey,
			@RequestParam(name = "orden", required = false) String sort, @AuthenticationPrincipal StaffUser clerk,
			RedirectAttributes redirect) {
		TaskFilter filter = new TaskFilter(TaskView.fromSlug(view).orElse(TaskView.MINE),
				text != null && text.length() > TaskFilter.MAX_SEARCH_LENGTH ? null : text,
				catalog.find(procedureKey == null ? "" : procedureKey).map(p -> p.key()).orElse(null),
				TaskSort.fromSlug(sort).orElse(TaskSort.DUE), 1);
		return act(redirect, "redirect:" + filter.url(), "filter.saved", () -> savedFilters.save(clerk, name, filter));
	}

	@PostMapping("/bandeja/filtros/{id}/eliminar")
	String deleteFilter(@PathVariable long id, @AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		savedFilters.delete(clerk, id);
		redirect.addFlashAttribute("message", "filter.deleted");
		return "redirect:/bandeja";
	}

	@GetMapping("/bandeja/tareas/{taskId}")
	String task(@PathVariable String taskId, @AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("task", tasks.details(taskId, clerk));
		model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
		return "tasklist/task";
	}

	@PostMapping("/bandeja/tareas/{taskId}/reclamar")
	String claim(@PathVariable String taskId, @AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		try {
			tasks.claim(taskId, clerk);
			redirect.addFlashAttribute("message", "task.claimed");
			return "redirect:/bandeja/tareas/" + taskId;
		}
		catch (TaskClaimedByOtherException e) {
			redirect.addFlashAttribute("problem", "task.claimedByOther");
			return "redirect:/bandeja";
		}
	}

	@PostMapping("/bandeja/tareas/{taskId}/liberar")
	String unclaim(@PathVariable String taskId, @AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		tasks.unclaim(taskId, clerk);
		redirect.addFlashAttribute("message", "task.unclaimed");
		return "redirect:/bandeja";
	}

	@PostMapping("/bandeja/tareas/{taskId}/completar")
	String complete(@PathVariable String taskId, @RequestParam Map<String, String> typed,
			@AuthenticationPrincipal StaffUser clerk, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			ModelForms.Submission submission = tasks.complete(taskId, clerk, typed);
			if (!submission.valid()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
				model.addAttribute("task", tasks.detailsWithTypedValues(taskId, clerk, submission.fieldsAsTyped()));
				model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
				model.addAttribute("errors", submission.errors());
				model.addAttribute("errorsByField", submission.errors().stream()
					.collect(Collectors.groupingBy(FieldError::fieldId)));
				return "tasklist/task";
			}
			redirect.addFlashAttribute("message", "task.completed");
			return "redirect:/bandeja";
		}
		catch (TaskClaimedByOtherException e) {
			redirect.addFlashAttribute("problem", "task.notYours");
			return "redirect:/bandeja";
		}
		catch (TaskAlreadyDoneException e) {
			redirect.addFlashAttribute("problem", "task.alreadyDone");
			return "redirect:/bandeja";
		}
		catch (TaskActionRejectedException e) {
			return rejected(redirect, e, "redirect:/bandeja/tareas/" + taskId);
		}
	}

	@PostMapping("/bandeja/tareas/{taskId}/asignar")
	String assign(@PathVariable String taskId, @RequestParam(name = "colega", required = false) String colleague,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		String back = "redirect:/bandeja/tareas/" + taskId;
		return act(redirect, back, "task.assigned", () -> actions.assign(taskId, clerk, colleague), back);
	}

	@PostMapping("/bandeja/tareas/{taskId}/delegar")
	String delegate(@PathVariable String taskId, @RequestParam(name = "colega", required = false) String colleague,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		return act(redirect, "redirect:/bandeja", "task.delegated", () -> actions.delegate(taskId, clerk, colleague),
				"redirect:/bandeja/tareas/" + taskId);
	}

	@PostMapping("/bandeja/tareas/{taskId}/resolver")
	String resolve(@PathVariable String taskId, @RequestParam(name = "respuesta", required = false) String answer,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		return keepTypedOnRefusal(redirect, "typedAnswer", answer, act(redirect, "redirect:/bandeja", "task.resolved",
				() -> actions.resolve(taskId, clerk, answer), "redirect:/bandeja/tareas/" + taskId));
	}

	@PostMapping("/bandeja/tareas/{taskId}/seguimiento")
	String followUp(@PathVariable String taskId, @RequestParam(name = "fecha", required = false) String date,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		String back = "redirect:/bandeja/tareas/" + taskId;
		return keepTypedOnRefusal(redirect, "typedFollowUp", date,
				act(redirect, back, "task.followUpSet", () -> actions.followUp(taskId, clerk, date), back));
	}

	@PostMapping("/bandeja/tareas/{taskId}/comentar")
	String comment(@PathVariable String taskId, @RequestParam(name = "comentario", required = false) String comment,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		String back = "redirect:/bandeja/tareas/" + taskId + "#comentarios";
		return keepTypedOnRefusal(redirect, "typedComment", comment,
				act(redirect, back, "task.commented", () -> actions.comment(taskId, clerk, comment), back));
	}

	@PostMapping("/bandeja/tareas/{taskId}/adjuntar")
	String attach(@PathVariable String taskId, @RequestParam(name = "archivo", required = false) MultipartFile file,
			@RequestParam(name = "paraCiudadano", defaultValue = "false") boolean forCitizen,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		String back = "redirect:/bandeja/tareas/" + taskId + "#documentos";
		try {
			return act(redirect, back, forCitizen ? "task.delivered" : "task.attached",
					() -> actions.attach(taskId, clerk, file, forCitizen), back);
		}
		catch (UploadRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
			redirect.addFlashAttribute("problemArguments", new Object[] { e.fileName(), documents.maxSize().toMegabytes() });
			return back;
		}
	}

	private static String act(RedirectAttributes redirect, String done, String doneMessage, Runnable action) {
		return act(redirect, done, doneMessage, action, done);
	}

	private static String act(RedirectAttributes redirect, String done, String doneMessage, Runnable action,
			String refused) {
		try {
			action.run();
			redirect.addFlashAttribute("message", doneMessage);
			return done;
		}
		catch (TaskActionRejectedException e) {
			return rejected(redirect, e, refused);
		}
	}

	/** A refused text comes back in its field: the clerk corrects it instead of typing it again. */
	private static String keepTypedOnRefusal(RedirectAttributes redirect, String attribute, String typed, String view) {
		if (redirect.getFlashAttributes().containsKey("problem")) {
			redirect.addFlashAttribute(attribute, typed);
		}
		return view;
	}

	private static String rejected(RedirectAttributes redirect, TaskActionRejectedException e, String back) {
		redirect.addFlashAttribute("problem", e.messageKey());
		redirect.addFlashAttribute("problemArguments", e.arguments());
		return back;
	}

}
