package pe.tramita.tasklist;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.form.FieldError;
import pe.tramita.form.ModelForms;
import pe.tramita.document.Documents;
import pe.tramita.document.Documents.DocumentContent;
import pe.tramita.request.ExpedienteView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/** The clerk's task list and the page where a step is worked and completed. */
@Controller
class TaskListController {

	private final ClerkTasks tasks;

	private final Documents documents;

	TaskListController(ClerkTasks tasks, Documents documents) {
		this.tasks = tasks;
		this.documents = documents;
	}

	@GetMapping("/bandeja")
	String taskList(@AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("myTasks", tasks.myTasks(clerk));
		model.addAttribute("availableTasks", tasks.availableTasks(clerk));
		return "tasklist/tasks";
	}

	@GetMapping("/bandeja/tareas/{taskId}")
	String task(@PathVariable String taskId, @AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("task", tasks.details(taskId, clerk));
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
			@AuthenticationPrincipal StaffUser clerk, Model model, RedirectAttributes redirect) {
		try {
			ModelForms.Submission submission = tasks.complete(taskId, clerk, typed);
			if (!submission.valid()) {
				model.addAttribute("task", tasks.detailsWithTypedValues(taskId, clerk, submission.fieldsAsTyped()));
				model.addAttribute("errors", submission.errors());
				model.addAttribute("errorsByField", submission.errors().stream()
					.collect(java.util.stream.Collectors.groupingBy(FieldError::fieldId)));
				return "tasklist/task";
			}
			redirect.addFlashAttribute("message", "task.completed");
			return "redirect:/bandeja";
		}
		catch (TaskClaimedByOtherException e) {
			redirect.addFlashAttribute("problem", "task.notYours");
			return "redirect:/bandeja";
		}
	}

	@GetMapping("/bandeja/expedientes/{expedienteId}/documentos/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long expedienteId, @PathVariable long documentId,
			@AuthenticationPrincipal StaffUser clerk) {
		ExpedienteView expediente = tasks.expedienteForClerk(expedienteId, clerk);
		DocumentContent file = documents.load(documentId, expediente.id(), expediente.ubigeo())
			.orElseThrow(() -> new NotFoundException("document " + documentId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.document().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
