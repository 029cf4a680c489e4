package pe.tramita.investment;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import pe.tramita.calendar.LegalClock;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.web.NotFoundException;

/**
 * A municipality's projects in public, without login or personal data: each with its status, amounts, procurements
 * and their dates, and the delay against plan; the same as CSV and JSON.
 */
@Controller
class PublicInvestmentController {

	private final Projects projects;

	private final Municipalities municipalities;

	private final LegalClock clock;

	PublicInvestmentController(Projects projects, Municipalities municipalities, LegalClock clock) {
		this.projects = projects;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping("/m/{ubigeo}/inversiones")
	String page(@PathVariable String ubigeo, Model model) {
		model.addAttribute("municipality", municipality(ubigeo));
		model.addAttribute("projects", projects.of(ubigeo));
		model.addAttribute("today", clock.today());
		return "investment/public";
	}

	@GetMapping("/m/{ubigeo}/inversiones.csv")
	ResponseEntity<byte[]> csv(@PathVariable String ubigeo) {
		municipality(ubigeo);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("inversiones-" + ubigeo + ".csv").build().toString())
			.body(OpenInvestments.csv(projects.of(ubigeo), clock.today()).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/m/{ubigeo}/inversiones.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> json(@PathVariable String ubigeo) {
		return ResponseEntity.ok(OpenInvestments.json(municipality(ubigeo), projects.of(ubigeo), clock.today()));
	}

	private MunicipalityView municipality(String ubigeo) {
		return municipalities.find(ubigeo).orElseThrow(() -> new NotFoundException("municipality " + ubigeo));
	}

}
