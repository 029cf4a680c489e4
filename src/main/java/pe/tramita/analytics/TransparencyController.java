package pe.tramita.analytics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.calendar.LegalClock;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.web.NotFoundException;

/** The public transparency pages (no login): each municipality's procedures, month by month. */
@Controller
class TransparencyController {

	private final Transparency transparency;

	private final Municipalities municipalities;

	private final LegalClock clock;

	TransparencyController(Transparency transparency, Municipalities municipalities, LegalClock clock) {
		this.transparency = transparency;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping("/transparencia")
	String choose(@RequestParam(name = "buscar", defaultValue = "") String query, Model model) {
		model.addAttribute("query", query.strip());
		model.addAttribute("provinces", municipalities.byProvince(query.length() <= 100 ? query : ""));
		return "analytics/transparency-home";
	}

	@GetMapping("/transparencia/{ubigeo}")
	String municipality(@PathVariable String ubigeo, Model model) {
		MunicipalityView municipality = municipalities.find(ubigeo).orElseThrow(() -> new NotFoundException(ubigeo));
		model.addAttribute("municipality", municipality);
		model.addAttribute("procedures", transparency.year(ubigeo, Transparency.lastMonth(clock.today())));
		return "analytics/transparency";
	}

}
