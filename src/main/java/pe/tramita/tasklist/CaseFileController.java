package pe.tramita.tasklist;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.document.Documents;
import pe.tramita.document.Documents.DocumentContent;
import pe.tramita.notification.Notifications;
import pe.tramita.request.ExpedienteView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.FileDownloads;
import pe.tramita.web.ModelDownloads;
import pe.tramita.web.NotFoundException;

/**
 * The staff's case page, its BPMN diagram, its documents and the messages sent to the citizen, for clerks of the
 * case's municipality.
 */
@Controller
class CaseFileController {

	private final CaseFiles caseFiles;

	private final Documents documents;

	private final Notifications notifications;

	CaseFileController(CaseFiles caseFiles, Documents documents, Notifications notifications) {
		this.caseFiles = caseFiles;
		this.documents = documents;
		this.notifications = notifications;
	}

	@GetMapping("/bandeja/expedientes/{expedienteId}")
	String caseFile(@PathVariable long expedienteId, @AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("file", caseFiles.open(expedienteId, clerk));
		model.addAttribute("notifications", notifications.forCase(expedienteId));
		return "tasklist/case";
	}

	/** Sends again a message to the citizen that failed or waits for its next attempt. */
	@PostMapping("/bandeja/expedientes/{expedienteId}/notificaciones/{notificationId}/reintentar")
	String retryNotification(@PathVariable long expedienteId, @PathVariable long notificationId,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		caseFiles.expediente(expedienteId, clerk);
		redirect.addFlashAttribute("message", notifications.retry(expedienteId, notificationId)
				? "case.notifications.retrying" : "case.notifications.notRetryable");
		return "redirect:/bandeja/expedientes/" + expedienteId + "#notificaciones";
	}

	@GetMapping("/bandeja/expedientes/{expedienteId}/diagrama.bpmn")
	ResponseEntity<String> diagram(@PathVariable long expedienteId, @AuthenticationPrincipal StaffUser clerk) {
		return ModelDownloads.bpmn(caseFiles.diagram(expedienteId, clerk), "diagrama.bpmn");
	}

	@GetMapping("/bandeja/expedientes/{expedienteId}/documentos/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long expedienteId, @PathVariable long documentId,
			@AuthenticationPrincipal StaffUser clerk) {
		ExpedienteView expediente = caseFiles.expediente(expedienteId, clerk);
		DocumentContent file = documents.load(documentId, expediente.id(), expediente.ubigeo())
			.orElseThrow(() -> new NotFoundException("document " + documentId));
		return FileDownloads.inline(file.content(), file.document().fileName(), file.document().contentType());
	}

}
