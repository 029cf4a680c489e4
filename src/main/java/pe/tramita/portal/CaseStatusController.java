package pe.tramita.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.certificate.Certificates;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.CaseProgress;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;

/**
 * The citizen follows a case with its number and access code. The code travels in POST bodies only, never in a URL.
 * A wrong number and a wrong code get the same answer.
 */
@Controller
class CaseStatusController {

	private final Expedientes expedientes;

	private final CaseProgress progress;

	private final Certificates certificates;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final Documents documents;

	CaseStatusController(Expedientes expedientes, CaseProgress progress, Certificates certificates,
			Municipalities municipalities, ProcedureCatalog catalog, Documents documents) {
		this.expedientes = expedientes;
		this.progress = progress;
		this.certificates = certificates;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.documents = documents;
	}

	@GetMapping("/consulta")
	String lookupForm() {
		return "portal/lookup";
	}

	@PostMapping("/consulta")
	String status(@RequestParam(defaultValue = "") String expediente, @RequestParam(defaultValue = "") String codigo,
			HttpServletResponse response, Model model) {
		Optional<ExpedienteView> found = expedientes.findForCitizen(expediente, codigo);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("notFound", true);
			model.addAttribute("expediente", expediente);
			return "portal/lookup";
		}
		return showStatus(found.get(), codigo, model);
	}

	@PostMapping("/consulta/subsanacion")
	String correct(@RequestParam(defaultValue = "") String expediente, @RequestParam(defaultValue = "") String codigo,
			@RequestParam(name = "documentos", required = false) List<MultipartFile> parts, HttpServletResponse response,
			Model model) {
		Optional<ExpedienteView> found = expedientes.findForCitizen(expediente, codigo);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("notFound", true);
			return "portal/lookup";
		}
		ExpedienteView current = found.get();
		List<UploadedFile> files = new ArrayList<>();
		try {
			for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
				documents.validate("subsanacion", part).ifPresent(files::add);
			}
		}
		catch (UploadRejectedException rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("uploadError", rejected.messageKey());
			model.addAttribute("uploadErrorFile", rejected.fileName());
			return showStatus(current, codigo, model);
		}
		if (current.status() != ExpedienteStatus.OBSERVADO) {
			return showStatus(current, codigo, model);
		}
		if (files.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("uploadError", "upload.correctionEmpty");
			return showStatus(current, codigo, model);
		}
		expedientes.correctObservations(expediente, codigo, files);
		model.addAttribute("corrected", true);
		return showStatus(expedientes.findForCitizen(expediente, codigo).orElseThrow(), codigo, model);
	}

	private String showStatus(ExpedienteView expediente, String accessCode, Model model) {
		model.addAttribute("case", expediente);
		model.addAttribute("accessCode", accessCode);
		model.addAttribute("municipality", municipalities.get(expediente.ubigeo()));
		model.addAttribute("procedure", catalog.find(expediente.procedureKey()).orElse(null));
		model.addAttribute("currentSteps", progress.currentSteps(expediente));
		model.addAttribute("timeline", progress.timeline(expediente));
		// what the applicant filed; staff attachments are internal working papers
		model.addAttribute("documents", documents.listFor(expediente.id()).stream()
			.filter(document -> document.uploadedBy() == null)
			.toList());
		model.addAttribute("certificate", certificates.findForCase(expediente.id()).orElse(null));
		model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
		return "portal/status";
	}

}
