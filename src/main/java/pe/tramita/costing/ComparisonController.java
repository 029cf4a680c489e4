package pe.tramita.costing;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/** Two model versions of a procedure side by side, on a page and as the council's signed report. */
@Controller
class ComparisonController {

	private final Costings costings;

	private final BeforeAfter beforeAfter;

	private final SimplificationReport report;

	private final AdvisorScope scope;

	private final LegalClock clock;

	ComparisonController(Costings costings, BeforeAfter beforeAfter, SimplificationReport report, AdvisorScope scope,
			LegalClock clock) {
		this.costings = costings;
		this.beforeAfter = beforeAfter;
		this.report = report;
		this.scope = scope;
		this.clock = clock;
	}

	/** Two model versions side by side; by default the one before the current and the current. */
	@GetMapping("/asesoria/costos/{ubigeo}/{key}/comparar")
	String compare(@PathVariable String ubigeo, @PathVariable String key,
			@RequestParam(name = "de", required = false) String from, @RequestParam(name = "a", required = false) String to,
			@AuthenticationPrincipal StaffUser advisor, Model model) {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		Procedure procedure = scope.procedure(key);
		model.addAttribute("municipality", municipality);
		model.addAttribute("versions", costings.versions(ubigeo, procedure));
		model.addAttribute("comparison", comparison(ubigeo, procedure, from, to));
		return "costing/compare";
	}
	/** The compared versions as the council's report: a signed PDF/A. */
	@GetMapping("/asesoria/costos/{ubigeo}/{key}/informe.pdf")
	ResponseEntity<byte[]> report(@PathVariable String ubigeo, @PathVariable String key,
			@RequestParam(name = "de", required = false) String from, @RequestParam(name = "a", required = false) String to,
			@AuthenticationPrincipal StaffUser advisor) {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		Procedure procedure = scope.procedure(key);
		BeforeAfter.Comparison comparison = comparison(ubigeo, procedure, from, to);
		byte[] pdf = report.pdf(municipality, comparison,
				costings.costing(ubigeo, procedure, comparison.after().version()), clock.instant());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("informe-simplificacion-" + key + "-" + ubigeo + ".pdf").build().toString())
			.body(pdf);
	}
	private BeforeAfter.Comparison comparison(String ubigeo, Procedure procedure, String from, String to) {
		List<Integer> versions = costings.versions(ubigeo, procedure);
		if (versions.isEmpty()) {
			throw new NotFoundException("versions of " + procedure.key());
		}
		int after = AdvisorScope.version(to, versions, versions.get(versions.size() - 1));
		int before = AdvisorScope.version(from, versions, versions.size() > 1 ? versions.get(versions.size() - 2) : after);
		return beforeAfter.of(ubigeo, procedure, before, after);
	}
}
