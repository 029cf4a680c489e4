package pe.tramita.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.certificate.Certificates;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.municipality.Municipalities;
import pe.tramita.payment.PaymentReceipts;
import pe.tramita.notification.Notifications;
import pe.tramita.request.CaseProgress;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.TimelineEntry;
import pe.tramita.web.FileDownloads;

/**
 * The citizen follows a case with its number and access code, downloads its receipt and what the staff handed them,
 * and asks for a new code. The code travels in POST bodies and a sealed cookie only, never in a URL
 * ({@link CaseLookups}). A wrong number and a wrong code get the same answer.
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

	private final CaseLookups lookups;

	private final ModelTexts texts;

	private final PaymentPanel payment;

	private final PaymentReceipts paymentReceipts;

	CaseStatusController(Expedientes expedientes, CaseProgress progress, Certificates certificates,
			Municipalities municipalities, ProcedureCatalog catalog, Documents documents,
			Notifications notifications, CaseLookups lookups, ModelTexts texts, PaymentPanel payment,
			PaymentReceipts paymentReceipts) {
		this.payment = payment;
		this.paymentReceipts = paymentReceipts;
		this.texts = texts;
		this.lookups = lookups;
		this.notifications = notifications;
		this.expedientes = expedientes;
		this.progress = progress;
		this.certificates = certificates;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.documents = documents;
	}

	@GetMapping("/consulta")
	String lookupForm(@RequestParam(required = false) String expediente, @RequestParam(required = false) String olvidado,
			Model model) {
		model.addAttribute("expediente", expediente);
		model.addAttribute("forgotten", olvidado != null);
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

	/** The receipt of payment (constancia de pago) of a paid fee, for the number and its access code only. */
	@PostMapping("/consulta/pago")
	ResponseEntity<byte[]> paymentReceipt(@RequestParam(defaultValue = "") String expediente,
			@RequestParam(defaultValue = "") String codigo) {
		return paymentReceipts.forCitizen(expediente.strip(), codigo)
			.map(pdf -> FileDownloads.attachment(pdf, "constancia-pago-" + expediente.strip() + ".pdf",
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

	/** A right number and code open the case at its own address, which a refresh or a bookmark opens again. */
	@PostMapping("/consulta")
	String status(@RequestParam(defaultValue = "") String expediente, @RequestParam(defaultValue = "") String codigo,
			@RequestParam(defaultValue = "false") boolean recordar, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<ExpedienteView> found = expedientes.findForCitizen(expediente, codigo);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("notFound", true);
			model.addAttribute("expediente", expediente);
			return "portal/lookup";
		}
		String caseNumber = found.get().caseNumber();
		lookups.remember(caseNumber, codigo, recordar, request, response);
		return "redirect:" + CaseLookups.path(caseNumber);
	}

	/** The case this browser opened; otherwise the lookup form with its number filled in. */
	@GetMapping("/consulta/{caseNumber:\\d{6}-\\d{4}-\\d{6}}")
	String status(@PathVariable String caseNumber, @RequestParam(required = false) String subsanado,
			HttpServletRequest request, CsrfToken csrf, Model model) {
		// the page's forms need the token: made now, its cookie goes out before the long page commits the response
		csrf.getToken();
		Optional<String> accessCode = lookups.accessCode(caseNumber, request);
		Optional<ExpedienteView> found = accessCode.flatMap(code -> expedientes.findForCitizen(caseNumber, code));
		if (found.isEmpty()) {
			model.addAttribute("expediente", caseNumber);
			model.addAttribute("codeAskedAgain", accessCode.isPresent());
			return "portal/lookup";
		}
		model.addAttribute("corrected", subsanado != null);
		return showStatus(found.get(), accessCode.get(), model);
	}

	/** "Olvidar en este dispositivo": the browser no longer opens the case without its code. */
	@PostMapping("/consulta/{caseNumber:\\d{6}-\\d{4}-\\d{6}}/olvidar")
	String forget(@PathVariable String caseNumber, HttpServletRequest request, HttpServletResponse response) {
		lookups.forget(caseNumber, request, response);
		return "redirect:/consulta?olvidado=1";
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
		return "redirect:" + CaseLookups.path(current.caseNumber()) + "?subsanado=1";
	}

	private String showStatus(ExpedienteView expediente, String accessCode, Model model) {
		model.addAttribute("case", expediente);
		model.addAttribute("accessCode", accessCode);
		model.addAttribute("municipality", municipalities.get(expediente.ubigeo()));
		model.addAttribute("procedure", catalog.find(expediente.procedureKey()).map(texts::shown).orElse(null));
		CaseProgress.Progress engine = progress.of(expediente);
		model.addAttribute("currentSteps", engine.currentSteps());
		// reading the case counts as receiving what was sent to the citizen before (TUO Ley 27444, art. 20.4)
		notifications.caseReadByCitizen(expediente.id());
		List<TimelineEntry> timeline = new ArrayList<>(engine.timeline());
		timeline.addAll(notifications.timeline(expediente.id()));
		timeline.sort(Comparator.comparing(TimelineEntry::at));
		model.addAttribute("timeline", timeline);
		// what the applicant filed, and what the staff handed them; other staff attachments are internal papers
		List<DocumentView> all = documents.listFor(expediente.id());
		model.addAttribute("documents", all.stream().filter(document -> document.uploadedBy() == null).toList());
		model.addAttribute("delivered", all.stream().filter(DocumentView::forCitizen).toList());
		model.addAttribute("certificate", certificates.findForCase(expediente.id()).orElse(null));
		payment.show(model, expediente.caseNumber(), expediente.ubigeo());
		model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
		return "portal/status";
	}

}
