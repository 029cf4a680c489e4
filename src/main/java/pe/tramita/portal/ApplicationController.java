package pe.tramita.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.Procedure.Requirement;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Tupa;
import pe.tramita.document.Documents;
import pe.tramita.document.HeldUploads;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.form.FieldError;
import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.ApplicantForm;
import pe.tramita.request.ApplicantValidator;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.IdentityDocumentType;
import pe.tramita.web.NotFoundException;

/** The online application: form, documents, and on success the case number and access code. */
@Controller
class ApplicationController {

	private static final Logger log = LoggerFactory.getLogger(ApplicationController.class);

	static final String UPLOAD_PREFIX = "documento-";

	/** The form field that names, by its token, the file an earlier round kept for a requirement. */
	static final String HELD_PREFIX = "guardado-";

	private final Municipalities municipalities;

	private final Tupa tupa;

	private final LegalClock clock;

	private final Documents documents;

	private final Expedientes expedientes;

	private final FilingReceipts receipts;

	private final HeldUploads heldUploads;

	private final ModelTexts texts;

	private final PaymentPanel payment;

	ApplicationController(Municipalities municipalities, Tupa tupa, LegalClock clock, Documents documents,
			Expedientes expedientes, FilingReceipts receipts, HeldUploads heldUploads, ModelTexts texts,
			PaymentPanel payment) {
		this.payment = payment;
		this.texts = texts;
		this.receipts = receipts;
		this.heldUploads = heldUploads;
		this.municipalities = municipalities;
		this.tupa = tupa;
		this.clock = clock;
		this.documents = documents;
		this.expedientes = expedientes;
	}

	@InitBinder("applicantForm")
	void initBinder(WebDataBinder binder) {
		binder.addValidators(new ApplicantValidator());
	}

	/** Every procedure's application form is the one its model declares on its start event. */
	@GetMapping("/m/{ubigeo}/tramites/{key}/solicitud")
	String initApplicationForm(@PathVariable String ubigeo, @PathVariable String key, Model model) {
		Procedure procedure = prepare(model, ubigeo, key);
		model.addAttribute("applicantForm", ApplicantForm.empty());
		model.addAttribute("fields", texts.fields(key, null, expedientes.applicationFields(ubigeo, procedure)));
		return "portal/application-model";
	}

	/** Whatever the page posted, the fields checked are the ones the procedure's model declares now. */
	@PostMapping(value = "/m/{ubigeo}/tramites/{key}/solicitud", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String processApplication(@PathVariable String ubigeo, @PathVariable String key,
			@Valid @ModelAttribute("applicantForm") ApplicantForm applicant, BindingResult result,
			@RequestParam Map<String, String> typed, MultipartHttpServletRequest request, HttpServletResponse response,
			Model model) {
		Procedure procedure = prepare(model, ubigeo, key);
		List<ModelFormField> fields = expedientes.applicationFields(ubigeo, procedure);
		Map<String, HeldFile> files = new LinkedHashMap<>();
		List<UploadProblem> uploadErrors = uploads(procedure, request, typed, files);
		ModelForms.Submission check = ModelForms.parse(fields, typed);
		if (result.hasErrors() || !uploadErrors.isEmpty() || !check.valid()) {
			return formWithErrors(model, key, check, uploadErrors, files, response);
		}
		Expedientes.ModelApplication application = expedientes.apply(ubigeo, procedure, applicant, typed,
				files.values().stream().map(HeldFile::file).toList());
		if (application.filing() == null) {
			return formWithErrors(model, key, application.submission(), uploadErrors, files, response);
		}
		heldUploads.release(files.values().stream().map(HeldFile::token).filter(Objects::nonNull).toList());
		log.info("Case {} filed ({})", application.filing().caseNumber(), procedure.key());
		receipts.hand(application.filing(), request, response);
		return "redirect:/m/" + ubigeo + "/tramites/" + key + "/presentada";
	}

	/**
	 * The form comes back with every problem marked; nothing of the case was saved. The files that were fine are kept
	 * for the next round, each named by a token in the form.
	 */
	private String formWithErrors(Model model, String key, ModelForms.Submission submission, List<UploadProblem> uploadErrors,
			Map<String, HeldFile> files, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		Map<String, HeldFile> held = new LinkedHashMap<>();
		files.forEach((requirement, file) -> held.put(requirement,
				file.token() != null ? file : new HeldFile(file.file(), heldUploads.hold(file.file()))));
		model.addAttribute("held", held);
		model.addAttribute("fields", texts.fields(key, null, submission.fieldsAsTyped()));
		model.addAttribute("errors", submission.errors());
		model.addAttribute("errorsByField",
				submission.errors().stream().collect(Collectors.groupingBy(FieldError::fieldId)));
		model.addAttribute("uploadErrors", uploadErrors);
		return "portal/application-model";
	}

	/**
	 * Every required document present and every file acceptable; the accepted ones are put in {@code files} by
	 * requirement: a file chosen now, or else the one an earlier round kept ({@link #HELD_PREFIX} and its token).
	 */
	private List<UploadProblem> uploads(Procedure procedure, MultipartHttpServletRequest request,
			Map<String, String> typed, Map<String, HeldFile> files) {
		List<UploadProblem> uploadErrors = new ArrayList<>();
		for (Requirement requirement : procedure.uploads()) {
			String field = UPLOAD_PREFIX + requirement.id();
			try {
				Optional<HeldFile> chosen = documents.validate(requirement.id(), request.getFile(field))
					.map(file -> new HeldFile(file, null));
				String token = typed.get(HELD_PREFIX + requirement.id());
				chosen.or(() -> heldUploads.find(token, requirement.id()).map(file -> new HeldFile(file, token)))
					.ifPresentOrElse(file -> files.put(requirement.id(), file), () -> {
						if (requirement.required()) {
							uploadErrors.add(new UploadProblem("upload.missing", requirement.name(), field));
						}
					});
			}
			catch (UploadRejectedException rejected) {
				uploadErrors.add(new UploadProblem(rejected.messageKey(), rejected.fileName(), field));
			}
		}
		return uploadErrors;
	}

	/** A file accepted for the application; {@code token} names its held copy, if it has one. */
	record HeldFile(UploadedFile file, String token) {

		public long size() {
			return file.content().length;
		}

	}

	@GetMapping("/m/{ubigeo}/tramites/{key}/presentada")
	String filed(@PathVariable String ubigeo, @PathVariable String key, HttpServletRequest request, Model model) {
		Optional<Filing> filing = receipts.read(request);
		if (filing.isEmpty()) {
			// the receipt is kept for half an hour after filing; later, the number and code lead to the status page
			return "redirect:/consulta";
		}
		prepare(model, ubigeo, key);
		model.addAttribute("filing", filing.get());
		payment.show(model, filing.get().caseNumber(), ubigeo);
		return "portal/filed";
	}

	private Procedure prepare(Model model, String ubigeo, String key) {
		MunicipalityView municipality = municipalities.get(ubigeo);
		// the municipality's own TUPA term and fee, which the filing's due date follows
		Procedure procedure = tupa.find(ubigeo, key, clock.today().getYear())
			.orElseThrow(() -> new NotFoundException("procedure " + key))
			.procedure();
		model.addAttribute("municipality", municipality);
		model.addAttribute("procedure", texts.shown(procedure));
		model.addAttribute("documentTypes", IdentityDocumentType.values());
		model.addAttribute("maxUploadSize", documents.maxSize().toMegabytes());
		model.addAttribute("uploadPrefix", UPLOAD_PREFIX);
		model.addAttribute("heldPrefix", HELD_PREFIX);
		return procedure;
	}

}
