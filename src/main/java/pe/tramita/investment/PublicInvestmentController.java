package pe.tramita.investment;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import pe.tramita.document.Documents;
import pe.tramita.municipality.DistrictMap;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.web.Formats;
import pe.tramita.web.NotFoundException;

/**
 * A municipality's projects in public, without login or personal data: each with its status, amounts, procurements
 * and their dates, and the delay against plan; the same as CSV and JSON; and the region's municipalities side by side.
 */
@Controller
class PublicInvestmentController {

	private final Projects projects;

	private final Municipalities municipalities;

	private final LegalClock clock;

	private final InvestmentRegion region;

	private final DistrictMap map;

	private final MessageSource messages;

	private final Formats formats;

	private final BudgetExecution execution;

	private final ProjectDocuments documents;

	PublicInvestmentController(Projects projects, Municipalities municipalities, LegalClock clock,
			InvestmentRegion region, DistrictMap map, MessageSource messages, Formats formats,
			BudgetExecution execution, ProjectDocuments documents) {
		this.execution = execution;
		this.documents = documents;
		this.region = region;
		this.map = map;
		this.messages = messages;
		this.formats = formats;
		this.projects = projects;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	/** The region: every municipality's share executed, as a table and a map of the districts. */
	@GetMapping("/inversiones")
	String region(Model model) {
		List<InvestmentRegion.Line> lines = region.lines();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> shades = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		for (InvestmentRegion.Line line : lines) {
			String ubigeo = line.municipality().ubigeo();
			shades.put(ubigeo, DistrictMap.shade(line.executed() == null ? null : line.executed().doubleValue()));
			labels.put(ubigeo, line.executed() == null
					? messages.getMessage("investment.region.none", new Object[] { line.municipality().name() }, locale)
					: messages.getMessage("investment.region.district", new Object[] { line.municipality().name(),
							formats.percent(line.executed().doubleValue()), line.projects() }, locale));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("svg", map.svg(messages.getMessage("investment.region.mapTitle", null, locale), shades, labels));
		return "investment/region";
	}

	@GetMapping("/m/{ubigeo}/inversiones")
	String page(@PathVariable String ubigeo, @RequestParam(name = "anio", required = false) Integer asked,
			Model model) {
		int year = execution.year(asked);
		model.addAttribute("municipality", municipality(ubigeo));
		List<Project> all = projects.of(ubigeo);
		model.addAttribute("projects", all);
		model.addAttribute("published", all.stream().collect(java.util.stream.Collectors.toMap(Project::code,
				documents::publishedOf)));
		model.addAttribute("today", clock.today());
		model.addAttribute("year", year);
		model.addAttribute("execution", execution.of(ubigeo, year, all));
		return "investment/public";
	}

	/** A document the office published for the project: served as a download, never rendered on this site. */
	@GetMapping("/m/{ubigeo}/inversiones/{code}/documentos/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable String ubigeo, @PathVariable String code,
			@PathVariable long documentId) {
		Project project = projects.find(ubigeo, code)
			.orElseThrow(() -> new NotFoundException("project " + code));
		Documents.DocumentContent content = documents.content(project, documentId)
			.orElseThrow(() -> new NotFoundException("document " + documentId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(content.document().fileName(), StandardCharsets.UTF_8)
						.build().toString())
			.body(content.content());
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
