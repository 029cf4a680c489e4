package pe.tramita.tasklist;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.form.FieldError;
import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * Internal procedures (e.g. a minor purchase) are started by a municipal office, for one of the clerk's
 * municipalities, with the form the model declares on its start event.
 */
@Controller
class InternalProcedureController {

	/** The start form's field naming the requesting office: it must be one of the clerk's own offices. */
	static final String REQUESTING_OFFICE_FIELD = "oficinaSolicitante";

	private final ProcedureCatalog catalog;

	private final Expedientes expedientes;

	private final Municipalities municipalities;

	InternalProcedureController(ProcedureCatalog catalog, Expedientes expedientes, Municipalities municipalities) {
		this.catalog = catalog;
		this.expedientes = expedientes;
		this.municipalities = municipalities;
	}

	@GetMapping("/bandeja/iniciar")
	String list(Model model) {
		model.addAttribute("procedures", catalog.all().stream().filter(Procedure::internal).toList());
		return "tasklist/internal-list";
	}

	@GetMapping("/bandeja/iniciar/{key}")
	String form(@PathVariable String key, @AuthenticationPrincipal StaffUser clerk, Model model) {
		Procedure procedure = internal(key);
		String ubigeo = clerk.municipalities().stream().sorted().findFirst()
			.orElseThrow(() -> new NotFoundException("no municipality"));
		return page(model, procedure, clerk, expedientes.applicationFields(ubigeo, procedure), null);
	}

	@PostMapping("/bandeja/iniciar/{key}")
	String start(@PathVariable String key, @RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam Map<String, String> typed, @AuthenticationPrincipal StaffUser clerk, Model model,
			RedirectAttributes redirect) {
		Procedure procedure = internal(key);
		if (!clerk.worksIn(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		String office = typed.get(REQUESTING_OFFICE_FIELD);
		if (office != null && !office.isBlank() && !clerk.offices().contains(office)) {
			ModelForms.Submission check = ModelForms.parse(expedientes.applicationFields(ubigeo, procedure), typed);
			return page(model, procedure, clerk, check.fieldsAsTyped(), List.of(new FieldError(REQUESTING_OFFICE_FIELD,
					"internal.notYourOffice", List.of(office))));
		}
		Expedientes.ModelApplication started = expedientes.startInternal(ubigeo, procedure,
				clerk.fullName() + " (" + (office == null ? "" : office) + ")", typed);
		if (started.filing() == null) {
			return page(model, procedure, clerk, started.submission().fieldsAsTyped(), started.submission().errors());
		}
		redirect.addFlashAttribute("message", "internal.started");
		redirect.addFlashAttribute("messageArgument", started.filing().caseNumber());
		return "redirect:/bandeja";
	}

	private String page(Model model, Procedure procedure, StaffUser clerk, List<ModelFormField> fields,
			List<FieldError> errors) {
		model.addAttribute("procedure", procedure);
		model.addAttribute("fields", fields);
		model.addAttribute("municipalities", clerk.municipalities().stream().sorted().map(municipalities::get).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("errorsByField",
				errors == null ? null : errors.stream().collect(Collectors.groupingBy(FieldError::fieldId)));
		return "tasklist/internal-start";
	}

	private Procedure internal(String key) {
		return catalog.find(key).filter(Procedure::internal).orElseThrow(() -> new NotFoundException("procedure " + key));
	}

}
