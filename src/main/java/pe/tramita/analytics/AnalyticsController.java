package pe.tramita.analytics;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
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
import pe.tramita.web.ModelDownloads;
import pe.tramita.web.NotFoundException;

/**
 * The cycle time dashboard for staff and advisors: measures per procedure, version, municipality, month and step,
 * the diagram with each step's time drawn on it, a histogram, open cases by age; every table as CSV, all as JSON.
 */
@Controller
class AnalyticsController {

	/** Text quoted, numbers not; the header row is written as it is (plain words). */
	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.NON_NUMERIC)
		.setRecordSeparator('\n').get();

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
		CycleTimes.Cases cases = cycleTimes.read(form.scope());
		Map<String, List<Measures>> tables = tables(cases);
		model.addAttribute("tables", tables);
		model.addAttribute("monthNames", tables.get("meses").stream()
			.collect(java.util.stream.Collectors.toMap(Measures::label, m -> monthName(m.label()))));
		model.addAttribute("versionNames", tables.get("versiones").stream()
			.collect(java.util.stream.Collectors.toMap(Measures::label, m -> m.label().substring(m.label().lastIndexOf(' ') + 1))));
		model.addAttribute("openByAge", cycleTimes.openByAge(form.scope(), clock.today()));
		Integer term = form.procedureKey() == null ? null : catalog.get(form.procedureKey()).termBusinessDays();
		model.addAttribute("term", term);
		model.addAttribute("trendMax", chartMax(tables.get("meses"), term));
		model.addAttribute("versionMax", chartMax(tables.get("versiones"), term));
		if (form.procedureKey() != null) {
			Procedure procedure = catalog.get(form.procedureKey());
			model.addAttribute("procedure", procedure);
			model.addAttribute("steps", cycleTimes.steps(cases, form.version()));
			List<CycleTimes.Bar> histogram = cases.histogram();
			model.addAttribute("histogram", histogram);
			model.addAttribute("histogramMax", histogram.stream().mapToLong(CycleTimes.Bar::cases).max().orElse(0));
		}
		return "analytics/dashboard";
	}

	/** The top of a chart's scale: the largest p90 or the legal term, at least one day. */
	private static double chartMax(List<Measures> rows, Integer term) {
		double max = rows.stream().mapToDouble(Measures::p90BusinessDays).max().orElse(0);
		return Math.max(1, Math.max(max, term == null ? 0 : term));
	}

	/** "2026-11" as "11/2026". */
	private static String monthName(String yearMonth) {
		return yearMonth.substring(5) + "/" + yearMonth.substring(0, 4);
	}

	/** The tables of the dashboard, by name: what the CSV and JSON exports serve. */
	private static Map<String, List<Measures>> tables(CycleTimes.Cases cases) {
		Map<String, List<Measures>> tables = new LinkedHashMap<>();
		tables.put("tramites", cases.by("procedure"));
		tables.put("versiones", cases.by("version"));
		tables.put("municipios", cases.by("municipality"));
		tables.put("meses", cases.by("month"));
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
		CycleTimes.Cases cases = cycleTimes.read(form.scope());
		json.putAll(tables(cases));
		if (form.procedureKey() != null) {
			json.put("pasos", cycleTimes.steps(cases, form.version()));
			json.put("histograma", cases.histogram());
		}
		json.put("abiertosPorAntiguedad", cycleTimes.openByAge(form.scope(), clock.today()));
		return json;
	}

	@GetMapping("/bandeja/analitica/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam Map<String, String> params) throws IOException {
		ScopeForm form = form(params);
		StringBuilder csv = new StringBuilder("\uFEFF");
		if (table.equals("pasos")) {
			if (form.procedureKey() == null) {
				throw new NotFoundException("steps need a procedure");
			}
			csv.append("paso,nombre,pasos,mediana_dias,p90_dias,max_dias,mediana_dias_habiles,mediana_horas_espera,"
					+ "mediana_horas_trabajo,parte_del_tiempo_total\n");
			try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
				for (StepMeasures s : cycleTimes.steps(form.scope(), form.version())) {
					printer.printRecord(s.activityId(), s.name(), s.count(), number(s.medianDays()), number(s.p90Days()),
							number(s.maxDays()), number(s.medianBusinessDays()), number(s.medianWaitingHours()),
							number(s.medianWorkingHours()), number(s.shareOfCycleTime()));
				}
			}
		}
		else {
			List<Measures> rows = tables(cycleTimes.read(form.scope())).get(table);
			if (rows == null) {
				throw new NotFoundException("table " + table);
			}
			csv.append("grupo,casos,mediana_dias,p90_dias,max_dias,mediana_dias_habiles,p90_dias_habiles,"
					+ "max_dias_habiles,dentro_del_plazo,por_silencio\n");
			try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
				for (Measures m : rows) {
					printer.printRecord(m.label(), m.count(), number(m.medianDays()), number(m.p90Days()),
							number(m.maxDays()), number(m.medianBusinessDays()), number(m.p90BusinessDays()),
							number(m.maxBusinessDays()), number(m.onTimeShare()), number(m.silenceShare()));
				}
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
		return ModelDownloads.bpmn(processModels.xml(definition.getId()), procedure.processKey() + ".bpmn");
	}

	private ScopeForm form(Map<String, String> params) {
		return ScopeForm.read(params.get("desde"), params.get("hasta"), params.get("provincia"), params.get("municipio"),
				params.get("tramite"), params.get("version"), clock.today(), municipalities, catalog);
	}

	/** Four decimals, unquoted; nothing for no value. */
	private static BigDecimal number(Double value) {
		return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
	}

}
