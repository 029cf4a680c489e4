package pe.tramita.portal;

import java.util.List;


import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Procedure.Form;
import pe.tramita.catalog.Tupa;
import pe.tramita.costing.Costings;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.Expedientes;
import pe.tramita.web.NotFoundException;

/** The citizen's way in: choose a municipality, read its procedures (TUPA) and what each requires. */
@Controller
class PortalController {

	private final Municipalities municipalities;

	private final Tupa tupa;

	private final LegalClock clock;

	private final Expedientes expedientes;

	private final ModelTexts texts;

	private final RequirementForms forms;

	private final Costings costings;

	PortalController(Municipalities municipalities, Tupa tupa, LegalClock clock, Expedientes expedientes,
			ModelTexts texts, RequirementForms forms, Costings costings) {
		this.costings = costings;
		this.forms = forms;
		this.texts = texts;
		this.municipalities = municipalities;
		this.tupa = tupa;
		this.clock = clock;
		this.expedientes = expedientes;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "municipalidad", required = false) String chosen, Model model) {
		if (chosen != null && municipalities.find(chosen).isPresent()) {
			return "redirect:/m/" + chosen;
		}
		model.addAttribute("provinces", municipalities.byProvince(""));
		return "portal/home";
	}

	@GetMapping("/m/{ubigeo}")
	String catalog(@PathVariable String ubigeo, Model model) {
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("publicService", municipalities.publicService(ubigeo));
		model.addAttribute("entries", tupa.of(ubigeo, clock.today().getYear()));
		return "portal/catalog";
	}

	/** The whole TUPA of the municipality on one printable page. */
	@GetMapping("/m/{ubigeo}/tupa")
	String printableTupa(@PathVariable String ubigeo, Model model) {
		int year = clock.today().getYear();
		model.addAttribute("municipality", municipalities.get(ubigeo));
		List<Tupa.Entry> entries = tupa.of(ubigeo, year);
		model.addAttribute("entries", entries);
		// beside each fee, what the procedure costs, where an advisor has costed it
		model.addAttribute("costs", costings.costs(ubigeo, entries.stream().map(Tupa.Entry::procedure).toList()));
		model.addAttribute("year", year);
		model.addAttribute("uit", tupa.uit(year).orElse(null));
		return "portal/tupa";
	}

	/** The published results of a procedure that publishes them (the participatory budget's prioritized projects). */
	@GetMapping("/m/{ubigeo}/tramites/{key}/resultados")
	String results(@PathVariable String ubigeo, @PathVariable String key, Model model) {
		Tupa.Entry entry = tupa.find(ubigeo, key, clock.today().getYear())
			.filter(found -> found.procedure().publishesResults())
			.orElseThrow(() -> new NotFoundException("results of " + key));
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("procedure", texts.shown(entry.procedure()));
		model.addAttribute("results", expedientes.publishedResults(ubigeo, key));
		return "portal/results";
	}

	/** The blank form of a requirement (the sworn statement), to print, fill in, sign and upload. */
	@GetMapping("/m/{ubigeo}/tramites/{key}/formatos/{requirement}.pdf")
	ResponseEntity<byte[]> requirementForm(@PathVariable String ubigeo, @PathVariable String key,
			@PathVariable String requirement) {
		Procedure procedure = tupa.find(ubigeo, key, clock.today().getYear())
			.orElseThrow(() -> new NotFoundException("procedure " + key))
			.procedure();
		Form form = procedure.requirements().stream()
			.filter(r -> r.id().equals(requirement) && r.form() != null)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("form " + requirement))
			.form();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(requirement + "-" + ubigeo + ".pdf")
				.build()
				.toString())
			.body(forms.pdf(municipalities.get(ubigeo), procedure, form));
	}

	@GetMapping("/m/{ubigeo}/tramites/{key}")
	String procedure(@PathVariable String ubigeo, @PathVariable String key, Model model) {
		Tupa.Entry entry = tupa.find(ubigeo, key, clock.today().getYear())
			.orElseThrow(() -> new NotFoundException("procedure " + key));
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("publicService", municipalities.publicService(ubigeo));
		model.addAttribute("entry", entry);
		model.addAttribute("procedure", texts.shown(entry.procedure()));
		return "portal/procedure";
	}

}
