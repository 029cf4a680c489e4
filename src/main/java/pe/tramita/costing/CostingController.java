package pe.tramita.costing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.catalog.Procedure;
import pe.tramita.costing.CostSheet.Position;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;

/**
 * The advisor's costing pages: a municipality's positions and procedures with cost, fee and the checks, and one
 * procedure's cost sheet to fill in. An advisor works only on the municipalities they belong to; any other answers
 * "not found", as if it did not exist.
 */
@Controller
class CostingController {

	/** A positions file larger than this is no personnel office's export. */
	static final long MAX_FILE = 256 * 1024;

	private final Costings costings;

	private final AdvisorScope scope;

	CostingController(Costings costings, AdvisorScope scope) {
		this.costings = costings;
		this.scope = scope;
	}

	@GetMapping("/asesoria/costos")
	String municipalities(@AuthenticationPrincipal StaffUser advisor, Model model) {
		model.addAttribute("municipalities", scope.municipalitiesOf(advisor));
		model.addAttribute("procedures", scope.tupaProcedures());
		return "costing/municipalities";
	}

	@GetMapping("/asesoria/costos/{ubigeo}")
	String municipality(@PathVariable String ubigeo, @AuthenticationPrincipal StaffUser advisor, Model model) {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		List<Costings.Costing> rows = scope.tupaProcedures().stream().map(p -> costings.costing(ubigeo, p)).toList();
		model.addAttribute("municipality", municipality);
		model.addAttribute("positions", costings.positions(ubigeo));
		model.addAttribute("costings", rows);
		return "costing/municipality";
	}

	@PostMapping("/asesoria/costos/{ubigeo}/cargos")
	String savePosition(@PathVariable String ubigeo, @RequestParam(name = "cargo", defaultValue = "") String name,
			@RequestParam(name = "costo", defaultValue = "") String cost, @AuthenticationPrincipal StaffUser advisor,
			RedirectAttributes redirect) {
		scope.allowed(ubigeo, advisor);
		BigDecimal amount = PositionsFile.amount(cost);
		if (name.isBlank() || name.strip().length() > 120 || amount == null) {
			redirect.addFlashAttribute("problem", "costing.positions.invalid");
		}
		else {
			costings.savePosition(ubigeo, new Position(name.strip(), amount), advisor.id());
			redirect.addFlashAttribute("message", "costing.positions.saved");
		}
		return "redirect:/asesoria/costos/" + ubigeo + "#cargos";
	}

	@PostMapping("/asesoria/costos/{ubigeo}/cargos/eliminar")
	String removePosition(@PathVariable String ubigeo, @RequestParam(name = "cargo", defaultValue = "") String name,
			@AuthenticationPrincipal StaffUser advisor, RedirectAttributes redirect) {
		scope.allowed(ubigeo, advisor);
		costings.removePosition(ubigeo, name);
		redirect.addFlashAttribute("message", "costing.positions.removed");
		return "redirect:/asesoria/costos/" + ubigeo + "#cargos";
	}

	@PostMapping("/asesoria/costos/{ubigeo}/cargos/importar")
	String importPositions(@PathVariable String ubigeo, @RequestParam(name = "archivo", required = false) MultipartFile file,
			@AuthenticationPrincipal StaffUser advisor, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		PositionsFile.Result result;
		if (file == null || file.isEmpty()) {
			result = PositionsFile.read("");
		}
		else if (file.getSize() > MAX_FILE) {
			result = new PositionsFile.Result(List.of(), List.of(new PositionsFile.Problem(0, "costing.positions.tooLarge", "")));
		}
		else {
			result = costings.importPositions(ubigeo, new String(file.getBytes(), StandardCharsets.UTF_8), advisor.id());
		}
		if (result.problems().isEmpty()) {
			redirect.addFlashAttribute("message", "costing.positions.imported");
			redirect.addFlashAttribute("messageArgument", result.positions().size());
			return "redirect:/asesoria/costos/" + ubigeo + "#cargos";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("importProblems", result.problems());
		return municipality(municipality.ubigeo(), advisor, model);
	}

	@GetMapping("/asesoria/costos/{ubigeo}/{key}")
	String procedure(@PathVariable String ubigeo, @PathVariable String key,
			@RequestParam(name = "version", required = false) String version,
			@AuthenticationPrincipal StaffUser advisor, Model model) {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		Costings.Costing costing = costing(ubigeo, scope.procedure(key), version);
		return page(model, municipality, costing, CostingForm.of(costing.inputs()), List.of());
	}

	@PostMapping("/asesoria/costos/{ubigeo}/{key}")
	String save(@PathVariable String ubigeo, @PathVariable String key,
			@RequestParam(name = "version", required = false) String version, @ModelAttribute CostingForm form,
			@AuthenticationPrincipal StaffUser advisor, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		MunicipalityView municipality = scope.allowed(ubigeo, advisor);
		Costings.Costing costing = costing(ubigeo, scope.procedure(key), version);
		List<CostingInputs.Problem> problems = costings.save(ubigeo, key, costing.version(), form.inputs(), advisor.id());
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("message", "costing.saved");
			return "redirect:/asesoria/costos/" + ubigeo + "/" + key + "?version=" + costing.version() + "#hoja";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return page(model, municipality, costing, form.withBlankRows(), problems);
	}

	private Costings.Costing costing(String ubigeo, Procedure procedure, String version) {
		if (version == null || version.isBlank()) {
			return costings.costing(ubigeo, procedure);
		}
		return costings.costing(ubigeo, procedure, AdvisorScope.version(version, costings.versions(ubigeo, procedure), 0));
	}

	private String page(Model model, MunicipalityView municipality, Costings.Costing costing, CostingForm form,
			List<CostingInputs.Problem> problems) {
		model.addAttribute("versions", costings.versions(municipality.ubigeo(), costing.procedure()));
		model.addAttribute("municipality", municipality);
		model.addAttribute("costing", costing);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("elements", List.of(CostSheet.Element.values()).stream().filter(e -> !e.identifiable())
			.toList());
		return "costing/procedure";
	}

}
