package pe.tramita.costing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.costing.CostSheet.Position;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.Formats;
import pe.tramita.web.NotFoundException;

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

	private final ProcedureCatalog catalog;

	private final Municipalities municipalities;

	private final Region region;

	private final RegionMap map;

	private final MessageSource messages;

	private final Formats formats;

	CostingController(Costings costings, ProcedureCatalog catalog, Municipalities municipalities, Region region,
			RegionMap map, MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
		this.region = region;
		this.map = map;
		this.costings = costings;
		this.catalog = catalog;
		this.municipalities = municipalities;
	}

	@GetMapping("/asesoria/costos")
	String municipalities(@AuthenticationPrincipal StaffUser advisor, Model model) {
		model.addAttribute("municipalities", municipalities.all().stream()
			.filter(m -> advisor.isAdmin() || advisor.worksIn(m.ubigeo())).toList());
		model.addAttribute("procedures", tupaProcedures());
		return "costing/municipalities";
	}

	/** One procedure across the region: table and map, the lowest on-time share first. */
	@GetMapping("/asesoria/costos/region/{key}")
	String region(@PathVariable String key, Model model) {
		Procedure procedure = procedure(key);
		List<Region.Line> lines = region.of(procedure);
		model.addAttribute("procedure", procedure);
		model.addAttribute("procedures", tupaProcedures());
		model.addAttribute("lines", lines);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> shades = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		for (Region.Line line : lines) {
			String ubigeo = line.municipality().ubigeo();
			shades.put(ubigeo, "shade-" + line.shade());
			labels.put(ubigeo, line.onTimeShare() == null
					? messages.getMessage("costing.region.noCases", new Object[] { line.municipality().name() }, locale)
					: messages.getMessage("costing.region.districtShare", new Object[] { line.municipality().name(),
							formats.percent(line.onTimeShare()), line.cases() }, locale));
		}
		model.addAttribute("svg", map.svg(messages.getMessage("costing.region.mapTitle",
				new Object[] { procedure.name() }, locale), shades, labels));
		return "costing/region";
	}

	@GetMapping("/asesoria/costos/{ubigeo}")
	String municipality(@PathVariable String ubigeo, @AuthenticationPrincipal StaffUser advisor, Model model) {
		MunicipalityView municipality = allowed(ubigeo, advisor);
		List<Costings.Costing> rows = tupaProcedures().stream().map(p -> costings.costing(ubigeo, p)).toList();
		model.addAttribute("municipality", municipality);
		model.addAttribute("positions", costings.positions(ubigeo));
		model.addAttribute("costings", rows);
		return "costing/municipality";
	}

	@PostMapping("/asesoria/costos/{ubigeo}/cargos")
	String savePosition(@PathVariable String ubigeo, @RequestParam(name = "cargo", defaultValue = "") String name,
			@RequestParam(name = "costo", defaultValue = "") String cost, @AuthenticationPrincipal StaffUser advisor,
			RedirectAttributes redirect) {
		allowed(ubigeo, advisor);
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
		allowed(ubigeo, advisor);
		costings.removePosition(ubigeo, name);
		redirect.addFlashAttribute("message", "costing.positions.removed");
		return "redirect:/asesoria/costos/" + ubigeo + "#cargos";
	}

	@PostMapping("/asesoria/costos/{ubigeo}/cargos/importar")
	String importPositions(@PathVariable String ubigeo, @RequestParam(name = "archivo", required = false) MultipartFile file,
			@AuthenticationPrincipal StaffUser advisor, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		MunicipalityView municipality = allowed(ubigeo, advisor);
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
	String procedure(@PathVariable String ubigeo, @PathVariable String key, @AuthenticationPrincipal StaffUser advisor,
			Model model) {
		MunicipalityView municipality = allowed(ubigeo, advisor);
		Costings.Costing costing = costings.costing(ubigeo, procedure(key));
		return page(model, municipality, costing, CostingForm.of(costing.inputs()), List.of());
	}

	@PostMapping("/asesoria/costos/{ubigeo}/{key}")
	String save(@PathVariable String ubigeo, @PathVariable String key, @ModelAttribute CostingForm form,
			@AuthenticationPrincipal StaffUser advisor, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		MunicipalityView municipality = allowed(ubigeo, advisor);
		Costings.Costing costing = costings.costing(ubigeo, procedure(key));
		List<CostingInputs.Problem> problems = costings.save(ubigeo, key, costing.version(), form.inputs(), advisor.id());
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("message", "costing.saved");
			return "redirect:/asesoria/costos/" + ubigeo + "/" + key + "#hoja";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return page(model, municipality, costing, form.withBlankRows(), problems);
	}

	private String page(Model model, MunicipalityView municipality, Costings.Costing costing, CostingForm form,
			List<CostingInputs.Problem> problems) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("costing", costing);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("elements", List.of(CostSheet.Element.values()).stream().filter(e -> !e.identifiable())
			.toList());
		return "costing/procedure";
	}

	private List<Procedure> tupaProcedures() {
		return catalog.all().stream().filter(p -> !p.internal()).toList();
	}

	private Procedure procedure(String key) {
		return tupaProcedures().stream().filter(p -> p.key().equals(key)).findFirst()
			.orElseThrow(() -> new NotFoundException("procedure " + key));
	}

	private MunicipalityView allowed(String ubigeo, StaffUser advisor) {
		if (!advisor.isAdmin() && !advisor.worksIn(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		return municipalities.find(ubigeo).orElseThrow(() -> new NotFoundException("municipality " + ubigeo));
	}

}
