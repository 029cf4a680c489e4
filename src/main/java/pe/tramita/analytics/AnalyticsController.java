package pe.tramita.analytics;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import pe.tramita.analytics.CycleTimes.Measures;
import pe.tramita.analytics.CycleTimes.StepMeasures;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.ProcessModels;
import pe.tramita.municipality.Municipalities;
import pe.tramita.web.NotFoundException;

/**
 * The cycle time dashboard for staff and advisors: measures per procedure, version, municipality, month and step,
 * the diagram with each step's time drawn on it, a histogram, open cases by age; every table as CSV, all as JSON.
 */
@Controller
class AnalyticsController {

	private final CycleTimes cycleTimes;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final LegalClock clock;

	private final RepositoryService repositoryService;

	private final ProcessModels processModels;

	AnalyticsController(CycleTimes cycleTimes, Municipalities municipalities, ProcedureCatalog catalog, LegalClock clock,
			RepositoryService repositoryService, ProcessModels processModels) {
		this.cycleTimes = cycleTimes;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.clock = clock;
		this.repositoryService = repositoryService;
		this.processModels = processModels;
	}

	@GetMapping("/bandeja/analitica")
	String dashboard(@RequestParam Map<String, String> params, Model model) {
		ScopeForm form = form(params);
		model.addAttribute("form", form);
		model.addAttribute("provinces", municipalities.all().stream().map(m -> m.province()).distinct().toList());
		model.addAttribute("municipalities", municipalities.all());
		model.addAttribute("procedures", catalog.all());
		model.addAttribute("procedureNames", catalog.all().stream()
			.collect(java.util.stream.Collectors.toMap(Procedure::key, Procedure::name)));
		model.addAttribute("municipalityNames", municipalities.all().stream()
			.collect(java.util.stream.Collectors.toMap(m -> m.ubigeo(), m -> m.name())));
		model.addAttribute("tables", tables(form));
		model.addAttribute("openByAge", cycleTimes.openByAge(form.scope(), clock.today()));
		if (form.procedureKey() != null) {
			Procedure procedure = catalog.get(form.procedureKey());
			model.addAttribute("procedure", procedure);
			model.addAttribute("steps", cycleTimes.steps(form.scope(), form.version()));
			List<CycleTimes.Bar> histogram = cycleTimes.histogram(form.scope());
			model.addAttribute("histogram", histogram);
			model.addAttribute("histogramMax", histogram.stream().mapToLong(CycleTimes.Bar::cases).max().orElse(0));
		}
		return "analytics/dashboard";
	}

	/** The tables of the dashboard, by name: what the CSV and JSON exports serve. */
	private Map<String, List<Measures>> tables(ScopeForm form) {
		Map<String, List<Measures>> tables = new LinkedHashMap<>();
		tables.put("tramites", cycleTimes.cases(form.scope(), "procedure"));
		tables.put("versiones", cycleTimes.cases(form.scope(), "version"));
		tables.put("municipios", cycleTimes.cases(form.scope(), "municipality"));
		tables.put("meses", cycleTimes.cases(form.scope(), "month"));
		return tables;
	}

	@GetMapping(path = "/bandeja/analitica.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> json(@RequestParam Map<String, String> params) {
		ScopeForm form = form(params);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("desde", form.from());
		json.put("hasta", form.to());
		json.put("provincia", form.province());
		json.put("municipio", form.ubigeo());
		json.put("tramite", form.procedureKey());
		json.put("version", form.version());
		json.put("problemas", form.problems());
		json.putAll(tables(form));
		if (form.procedureKey() != null) {
			json.put("pasos", cycleTimes.steps(form.scope(), form.version()));
			json.put("histograma", cycleTimes.histogram(form.scope()));
		}
		json.put("abiertosPorAntiguedad", cycleTimes.openByAge(form.scope(), clock.today()));
		return json;
	}

	@GetMapping("/bandeja/analitica/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam Map<String, String> params) {
		ScopeForm form = form(params);
		StringBuilder csv = new StringBuilder("\uFEFF");
		if (table.equals("pasos")) {
			if (form.procedureKey() == null) {
				throw new NotFoundException("steps need a procedure");
			}
			csv.append("paso,nombre,pasos,mediana_dias,p90_dias,max_dias,mediana_dias_habiles,mediana_horas_espera,"
					+ "mediana_horas_trabajo,parte_del_tiempo_total\n");
			for (StepMeasures s : cycleTimes.steps(form.scope(), form.version())) {
				csv.append(String.join(",", cell(s.activityId()), cell(s.name()), String.valueOf(s.count()),
						number(s.medianDays()), number(s.p90Days()), number(s.maxDays()), number(s.medianBusinessDays()),
						number(s.medianWaitingHours()), number(s.medianWorkingHours()), number(s.shareOfCycleTime())))
					.append('\n');
			}
		}
		else {
			List<Measures> rows = tables(form).get(table);
			if (rows == null) {
				throw new NotFoundException("table " + table);
			}
			csv.append("grupo,casos,mediana_dias,p90_dias,max_dias,mediana_dias_habiles,p90_dias_habiles,"
					+ "max_dias_habiles,dentro_del_plazo,por_silencio\n");
			for (Measures m : rows) {
				csv.append(String.join(",", cell(m.label()), String.valueOf(m.count()), number(m.medianDays()),
						number(m.p90Days()), number(m.maxDays()), number(m.medianBusinessDays()),
						number(m.p90BusinessDays()), number(m.maxBusinessDays()), number(m.onTimeShare()),
						number(m.silenceShare()))).append('\n');
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("tiempos-" + table + ".csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The model of a procedure's version (the latest when none is named), for the heatmap. */
	@GetMapping("/bandeja/analitica/diagrama.bpmn")
	ResponseEntity<String> diagram(@RequestParam("tramite") String procedureKey,
			@RequestParam(name = "version", required = false) Integer version) {
		Procedure procedure = catalog.find(procedureKey).orElseThrow(() -> new NotFoundException(procedureKey));
		ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(procedure.processKey())
			.withoutTenantId();
		ProcessDefinition definition = (version == null ? query.latestVersion() : query.processDefinitionVersion(version))
			.singleResult();
		if (definition == null) {
			throw new NotFoundException(procedureKey + " v" + version);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(processModels.xml(definition.getId()));
	}

	private ScopeForm form(Map<String, String> params) {
		return ScopeForm.read(params.get("desde"), params.get("hasta"), params.get("provincia"), params.get("municipio"),
				params.get("tramite"), params.get("version"), clock.today(), municipalities, catalog);
	}

	private static String cell(String text) {
		return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
	}

}
