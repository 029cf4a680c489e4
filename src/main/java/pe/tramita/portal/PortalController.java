package pe.tramita.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.web.NotFoundException;

/** The citizen's way in: choose a municipality, read its procedures (TUPA) and what each requires. */
@Controller
class PortalController {

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	PortalController(Municipalities municipalities, ProcedureCatalog catalog) {
		this.municipalities = municipalities;
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "municipalidad", required = false) String chosen, Model model) {
		if (chosen != null && municipalities.find(chosen).isPresent()) {
			return "redirect:/m/" + chosen;
		}
		Map<String, List<MunicipalityView>> byProvince = new LinkedHashMap<>();
		municipalities.all().forEach(m -> byProvince.computeIfAbsent(m.province(), p -> new java.util.ArrayList<>()).add(m));
		model.addAttribute("provinces", byProvince);
		return "portal/home";
	}

	@GetMapping("/m/{ubigeo}")
	String catalog(@PathVariable String ubigeo, Model model) {
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("procedures", catalog.all());
		return "portal/catalog";
	}

	@GetMapping("/m/{ubigeo}/tramites/{key}")
	String procedure(@PathVariable String ubigeo, @PathVariable String key, Model model) {
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("procedure", procedure(key));
		return "portal/procedure";
	}

	private Procedure procedure(String key) {
		return catalog.find(key).orElseThrow(() -> new NotFoundException("procedure " + key));
	}

}
