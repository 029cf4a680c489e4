package pe.tramita.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.ProcessModels;
import pe.tramita.modeling.ModelDrafts.Draft;
import pe.tramita.municipality.Municipalities;
import pe.tramita.security.StaffUser;
import pe.tramita.web.ModelDownloads;
import pe.tramita.web.NotFoundException;

/**
 * The advisor's workspace ({@code /asesoria}, advisors and administrators): the library of procedures and their
 * versions, drafts uploaded or copied from a version, their problems, download and deployment.
 */
@Controller
class AdvisorController {

	private final ModelLibrary library;

	private final ModelDrafts drafts;

	private final ProcedureCatalog catalog;

	private final Municipalities municipalities;

	private final ProcessModels processModels;

	private final MessageSource messages;

	private final ModelMigrations migrations;

	private final ModelComparison comparisons;

	private final LegalClock clock;

	private final CostedComparisons costed;

	AdvisorController(ModelLibrary library, ModelDrafts drafts, ProcedureCatalog catalog, Municipalities municipalities,
			ProcessModels processModels, MessageSource messages, ModelMigrations migrations, ModelComparison comparisons,
			LegalClock clock, CostedComparisons costed) {
		this.costed = costed;
		this.messages = messages;
		this.migrations = migrations;
		this.comparisons = comparisons;
		this.clock = clock;
		this.library = library;
		this.drafts = drafts;
		this.catalog = catalog;
		this.municipalities = municipalities;
		this.processModels = processModels;
	}

	@GetMapping("/asesoria")
	String library(Model model) {
		model.addAttribute("procedures", library.all());
		model.addAttribute("drafts", drafts.all());
		model.addAttribute("municipalityNames", municipalityNames());
		return "modeling/library";
	}

	@PostMapping("/asesoria/borradores")
	String upload(@RequestParam(name = "tramite", required = false) String procedureKey,
			@RequestParam(name = "archivo", required = false) MultipartFile file,
			@AuthenticationPrincipal StaffUser advisor, RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new ModelRejectedException("model.error.empty");
			}
			long id = drafts.upload(procedureKey, file.getOriginalFilename(), file.getBytes(), advisor);
			redirect.addFlashAttribute("message", "model.uploaded");
			return "redirect:/asesoria/borradores/" + id;
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria";
		}
	}

	@PostMapping("/asesoria/versiones/{definitionId}/copia")
	String copy(@PathVariable String definitionId, @AuthenticationPrincipal StaffUser advisor,
			RedirectAttributes redirect) {
		try {
			return "redirect:/asesoria/borradores/" + drafts.fromVersion(definitionId, advisor);
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria";
		}
	}

	@GetMapping("/asesoria/versiones/{definitionId}")
	String version(@PathVariable String definitionId, Model model) {
		model.addAttribute("version", library.version(definitionId).orElseThrow(() -> new NotFoundException(definitionId)));
		model.addAttribute("municipalityNames", municipalityNames());
		return "modeling/version";
	}

	@GetMapping("/asesoria/versiones/{definitionId}/modelo.bpmn")
	ResponseEntity<String> versionXml(@PathVariable String definitionId) {
		library.version(definitionId).orElseThrow(() -> new NotFoundException(definitionId));
		return ModelDownloads.bpmn(processModels.xml(definitionId), "modelo.bpmn");
	}

	@GetMapping("/asesoria/borradores/{id}")
	String draft(@PathVariable long id, @RequestParam(name = "municipio", required = false) String ubigeo,
			@AuthenticationPrincipal StaffUser advisor, Model model) {
		Draft draft = drafts.find(id).orElseThrow(() -> new NotFoundException("draft " + id));
		List<ModelProblem> problems = drafts.problems(draft);
		Procedure procedure = catalog.get(draft.procedureKey());
		model.addAttribute("draft", draft);
		model.addAttribute("procedure", procedure);
		if (problems.isEmpty() && draft.deploymentId() == null) {
			// a model with problems may not even be read; a deployed one is compared as a version
			costed.ofDraft(procedure, Bpmn.readModelFromStream(new ByteArrayInputStream(draft.bytes())), ubigeo, advisor)
				.ifPresent(choice -> model.addAttribute("costed", choice));
		}
		model.addAttribute("problems", problems);
		model.addAttribute("problemIds", String.join(",", problems.stream().map(ModelProblem::elementId)
			.filter(java.util.Objects::nonNull).distinct().toList()));
		model.addAttribute("municipalities", municipalities.all().stream()
			.filter(m -> advisor.reaches(m.ubigeo())).toList());
		return "modeling/draft";
	}

	@GetMapping("/asesoria/borradores/{id}/editar")
	String editor(@PathVariable long id, Model model) {
		Draft draft = drafts.find(id).orElseThrow(() -> new NotFoundException("draft " + id));
		model.addAttribute("draft", draft);
		model.addAttribute("procedure", catalog.get(draft.procedureKey()));
		return "modeling/editor";
	}

	/** The editor saves here: the model's XML as the body; answers with the problems the rules find in it. */
	@PostMapping(path = "/asesoria/borradores/{id}", consumes = { "application/xml", "text/xml" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> save(@PathVariable long id, @RequestBody(required = false) String xml,
			@AuthenticationPrincipal StaffUser advisor, Locale locale) {
		try {
			drafts.save(id, xml, advisor);
		}
		catch (ModelRejectedException e) {
			return ResponseEntity.badRequest().body(Map.of("guardado", false,
					"mensaje", messages.getMessage(e.messageKey(), e.arguments(), locale)));
		}
		List<Map<String, Object>> problems = drafts.problems(drafts.find(id).orElseThrow()).stream()
			.map(p -> Map.<String, Object>of("regla", p.rule(), "elemento", p.elementId() == null ? "" : p.elementId(),
					"linea", p.line(), "mensaje", messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
			.toList();
		return ResponseEntity.ok(Map.of("guardado", true, "problemas", problems));
	}

	@GetMapping("/asesoria/borradores/{id}/modelo.bpmn")
	ResponseEntity<String> draftXml(@PathVariable long id) {
		Draft draft = drafts.find(id).orElseThrow(() -> new NotFoundException("draft " + id));
		return ModelDownloads.bpmn(draft.xml(), catalog.get(draft.procedureKey()).processKey() + ".bpmn");
	}

	@PostMapping("/asesoria/borradores/{id}/desplegar")
	String deploy(@PathVariable long id, @RequestParam(name = "municipio", required = false) String ubigeo,
			@AuthenticationPrincipal StaffUser advisor, RedirectAttributes redirect) {
		try {
			drafts.deploy(id, ubigeo == null || ubigeo.isBlank() ? null : ubigeo, advisor);
			redirect.addFlashAttribute("message", "model.deployed");
			return "redirect:/asesoria";
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria/borradores/" + id;
		}
	}

	@GetMapping("/asesoria/comparar")
	String compare(@RequestParam(name = "de", required = false) String before,
			@RequestParam(name = "a", required = false) String after,
			@RequestParam(name = "municipio", required = false) String ubigeo,
			@AuthenticationPrincipal StaffUser advisor, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			ModelComparison.Comparison comparison = comparisons.compare(before, after, clock.today());
			model.addAttribute("comparison", comparison);
			costed.ofVersions(comparison.procedure(), comparison.before().definition(),
					comparison.after().definition(), ubigeo, advisor)
				.ifPresent(choice -> model.addAttribute("costed", choice));
			model.addAttribute("beforeLabel", versionLabel(comparison.before().definition(), locale));
			model.addAttribute("afterLabel", versionLabel(comparison.after().definition(), locale));
			return "modeling/compare";
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria";
		}
	}

	@GetMapping("/asesoria/migraciones/vista-previa")
	String migrationPreview(@RequestParam(name = "de", required = false) String source,
			@RequestParam(name = "a", required = false) String target, @AuthenticationPrincipal StaffUser advisor,
			Model model, RedirectAttributes redirect, Locale locale) {
		try {
			ModelMigrations.Preview preview = migrations.preview(source, target, advisor);
			model.addAttribute("preview", preview);
			model.addAttribute("sourceLabel", versionLabel(preview.source(), locale));
			model.addAttribute("targetLabel", versionLabel(preview.target(), locale));
			return "modeling/migration-preview";
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria";
		}
	}

	@PostMapping("/asesoria/migraciones")
	String migrate(@RequestParam("de") String source, @RequestParam("a") String target,
			@AuthenticationPrincipal StaffUser advisor, RedirectAttributes redirect) {
		try {
			return "redirect:/asesoria/migraciones/" + migrations.start(source, target, advisor);
		}
		catch (ModelRejectedException e) {
			refused(redirect, e);
			return "redirect:/asesoria";
		}
	}

	@GetMapping("/asesoria/migraciones/{batchId}")
	String migration(@PathVariable String batchId, Model model) {
		model.addAttribute("progress", migrations.progress(batchId).orElseThrow(() -> new NotFoundException(batchId)));
		return "modeling/migration";
	}

	@GetMapping(path = "/asesoria/migraciones/{batchId}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ModelMigrations.Progress migrationProgress(@PathVariable String batchId) {
		return migrations.progress(batchId).orElseThrow(() -> new NotFoundException(batchId));
	}

	/** "v2 — Municipalidad Distrital de Yonán", or "v1 — Todas las municipalidades". */
	private String versionLabel(org.camunda.bpm.engine.repository.ProcessDefinition definition, Locale locale) {
		return "v" + definition.getVersion() + " — " + (definition.getTenantId() == null
				? messages.getMessage("model.scope.all", null, locale)
				: municipalities.get(definition.getTenantId()).name());
	}

	private static void refused(RedirectAttributes redirect, ModelRejectedException e) {
		redirect.addFlashAttribute("problem", e.messageKey());
		redirect.addFlashAttribute("problemArguments", e.arguments());
	}

	private java.util.Map<String, String> municipalityNames() {
		return municipalities.all().stream().collect(java.util.stream.Collectors.toMap(m -> m.ubigeo(), m -> m.name()));
	}

}
