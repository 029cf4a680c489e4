package pe.tramita.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.certificate.Certificates;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.municipality.Municipalities;
import pe.tramita.notification.Notifications;
import pe.tramita.request.CaseProgress;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.TimelineEntry;
import pe.tramita.web.FileDownloads;

/**
 * The citizen follows a case with its number and access code, downloads its receipt and what the staff handed them,
 * and asks for a new code. The code travels in POST bodies only, never in a URL. A wrong number and a wrong code get
 * the same answer.
 */
@Controller
class CaseStatusController {

	private final Expedientes expedientes;

	private final CaseProgress progress;

	private final Certificates certificates;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final Documents documents;

	private final Notifications notifications;

	CaseStatusController(Expedientes expedientes, CaseProgress progress, Certificates certificates,
			Municipalities municipalities, ProcedureCatalog catalog, Documents documents,
			Notifications notifications) {
		this.notifications = notifications;
		this.expedientes = expedientes;
		this.progress = progress;
		this.certificates = certificates;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.documents = documents;
	}

	@GetMapping("/consulta")
	String lookupForm(@RequestParam(required = false) String expediente, Model model) {
		model.addAttribute("expediente", expediente);
		return "portal/lookup";
	}

	/** The signed filing receipt (cargo de recepción), for the number and its current access code. */
	@PostMapping("/consulta/cargo")
	ResponseEntity<byte[]> receipt(@RequestParam(defaultValue = "") String expediente,
			@RequestParam(defaultValue = "") String codigo) {
		return certificates.filingReceipt(expediente.strip(), codigo)
			.map(pdf -> FileDownloads.attachment(pdf, "cargo-recepcion-" + expediente.strip() + ".pdf",
					MediaType.APPLICATION_PDF_VALUE))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new byte[0]));
	}

	/** A document the staff handed to the citizen, for the number and its access code only. */
	@PostMapping("/consulta/documento")
	ResponseEntity<byte[]> deliveredDocument(@RequestParam(defaultValue = "") String expediente,
			@RequestParam(defaultValue = "") String codigo, @RequestParam(defaultValue = "0") long documento) {
		return expedientes.findForCitizen(expediente, codigo)
			.flatMap(found -> documents.load(documento, found.id(), found.ubigeo()))
			.filter(file -> file.document().forCitizen())
			.map(file -> FileDownloads.attachment(file.content(), file.document().fileName(),
					file.document().contentType()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new byte[0]));
	}

	@GetMapping("/consulta/codigo")
	String lostCodeForm() {
		return "portal/lost-code";
	}

	/** "¿Perdió su código?": the same answer whether or not the number and the document match a case. */
	@PostMapping("/consulta/codigo")
	String lostCode(@RequestParam(defaultValue = "") String expediente, @RequestParam(defaultValue = "") String documento,
			Model model) {
		if (expediente.length() <= 40 && documento.length() <= 20) {
			expedientes.renewAccessCode(expediente, documento);
		}
		model.addAttribute("requested", true);
		return "portal/lost-code";
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
		// reading the case counts as receiving what was sent to the citizen before (TUO Ley 27444, art. 20.4)
		notifications.caseReadByCitizen(expediente.id());
		List<TimelineEntry> timeline = new ArrayList<>(progress.timeline(expediente));
		timeline.addAll(notifications.timeline(expediente.id()));
		timeline.sort(Comparator.comparing(TimelineEntry::at));
		model.addAttribute("timeline", timeline);
		// what the applicant filed, and what the staff handed them; other staff attachments are internal papers
		List<DocumentView> all = documents.listFor(expediente.id());
		model.addAttribute("documents", all.stream().filter(document -> document.uploadedBy() == null).toList());
		model.addAttribute("delivered", all.stream().filter(DocumentView::forCitizen).toList());
		model.addAttribute("certificate", certificates.findForCase(expediente.id()).orElse(null));
		model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
		return "portal/status";
	}

}
