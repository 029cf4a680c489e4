package pe.tramita.investment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import pe.tramita.calendar.LegalClock;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.office.OfficeDirectory;
import pe.tramita.office.OfficeView;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * The staff's project pages ({@code /bandeja/proyectos}): a municipality's projects with what is late, a project's
 * procurements with what each waits for, and, for planning and management, registering projects (from a prioritized
 * proposal or on their own) and tying procurements to them.
 */
@Controller
class ProjectController {

	static final long MAX_FILE_BYTES = 64 * 1024;

	private final Projects projects;

	private final ProjectScope scope;

	private final LegalClock clock;

	private final BudgetExecution execution;

	private final MessageSource messages;

	private final ProjectDocuments documents;

	private final OfficeDirectory offices;

	ProjectController(Projects projects, ProjectScope scope, LegalClock clock, BudgetExecution execution,
			MessageSource messages, ProjectDocuments documents, OfficeDirectory offices) {
		this.documents = documents;
		this.offices = offices;
		this.execution = execution;
		this.messages = messages;
		this.projects = projects;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/bandeja/proyectos")
	String list(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "anio", required = false) Integer year,
			@RequestParam(name = "expediente", required = false) String proposalCase,
			@AuthenticationPrincipal StaffUser staff, Model model) {
		MunicipalityView municipality = scope.municipality(ubigeo, staff);
		ProjectForm form = projects.proposal(municipality.ubigeo(), proposalCase)
			.map(p -> new ProjectForm(p.name(), null, p.cost() == null ? null : p.cost().toPlainString(), null, null,
					null, p.caseNumber()))
			.orElse(ProjectForm.EMPTY);
		return list(municipality, execution.year(year), form, List.of(), staff, model);
	}

	@PostMapping("/bandeja/proyectos")
	String register(@RequestParam(name = "municipio", required = false) String ubigeo,
			@ModelAttribute ProjectForm form, @AuthenticationPrincipal StaffUser staff, Model model,
			HttpServletResponse response) {
		MunicipalityView municipality = scope.municipality(ubigeo, staff);
		requireEditor(staff);
		Projects.Result result = projects.register(municipality.ubigeo(), form, staff);
		if (result.ok()) {
			return "redirect:/bandeja/proyectos/" + result.id();
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return list(municipality, execution.year(null), form, result.problems(), staff, model);
	}

	/** An administrator imports the year's execution from the official accounts, all or nothing. */
	@PostMapping("/bandeja/proyectos/ejecucion")
	String importExecution(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "anio", required = false) Integer year,
			@RequestParam(name = "archivo", required = false) MultipartFile file,
			@AuthenticationPrincipal StaffUser staff, Model model, HttpServletResponse response, Locale locale)
			throws IOException {
		MunicipalityView municipality = scope.municipality(ubigeo, staff);
		if (!staff.isAdmin()) {
			throw new AccessDeniedException("Only administrators import the official execution");
		}
		int shown = execution.year(year);
		List<String> problems;
		if (file == null || file.isEmpty() || file.getSize() > MAX_FILE_BYTES) {
			problems = List.of(messages.getMessage("investment.execution.file", null, locale));
		}
		else {
			problems = execution.importFile(municipality.ubigeo(), shown,
					new String(file.getBytes(), StandardCharsets.UTF_8), staff).stream()
				.map(p -> messages.getMessage(p.messageKey(), new Object[] { p.line() }, locale))
				.toList();
		}
		if (problems.isEmpty()) {
			return "redirect:/bandeja/proyectos?municipio=" + municipality.ubigeo() + "&anio=" + shown + "#ejecucion";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("executionProblems", problems);
		return list(municipality, shown, ProjectForm.EMPTY, List.of(), staff,
				model);
	}

	@GetMapping("/bandeja/proyectos/{id}")
	String project(@PathVariable long id, @AuthenticationPrincipal StaffUser staff, Model model) {
		return project(scope.project(id, staff), List.of(), ExternalProcurementForm.EMPTY, null, staff, model);
	}

	@PostMapping("/bandeja/proyectos/{id}/contrataciones")
	String tie(@PathVariable long id, @RequestParam(name = "expediente", required = false) String caseNumber,
			@AuthenticationPrincipal StaffUser staff, Model model, HttpServletResponse response) {
		Project project = scope.project(id, staff);
		requireEditor(staff);
		Projects.Result result = projects.tie(project, caseNumber, staff);
		if (result.ok()) {
			return "redirect:/bandeja/proyectos/" + id + "#contrataciones";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return project(project, result.problems(), ExternalProcurementForm.EMPTY,
				caseNumber, staff, model);
	}

	/** Publishes a document of a tied case (the conformity's photos, its act) on the project's public page. */
	@PostMapping("/bandeja/proyectos/{id}/documentos/{documentId}/publicar")
	String publish(@PathVariable long id, @PathVariable long documentId, @AuthenticationPrincipal StaffUser staff) {
		Project project = scope.project(id, staff);
		requireEditor(staff);
		if (!documents.publish(project, documentId, staff)) {
			throw new NotFoundException("document " + documentId + " of project " + id);
		}
		return "redirect:/bandeja/proyectos/" + id + "#documentos";
	}

	@PostMapping("/bandeja/proyectos/{id}/externas")
	String record(@PathVariable long id, @ModelAttribute ExternalProcurementForm form,
			@AuthenticationPrincipal StaffUser staff, Model model, HttpServletResponse response) {
		Project project = scope.project(id, staff);
		requireEditor(staff);
		Projects.Result result = projects.record(project, form, staff);
		if (result.ok()) {
			return "redirect:/bandeja/proyectos/" + id + "#contrataciones";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return project(project, result.problems(), form, null, staff, model);
	}

	private String list(MunicipalityView municipality, int year, ProjectForm form, List<String> problems,
			StaffUser staff, Model model) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("year", year);

		model.addAttribute("isAdmin", staff.isAdmin());
		model.addAttribute("municipalities", scope.municipalitiesOf(staff));
		List<Project> all = projects.of(municipality.ubigeo());
		model.addAttribute("projects", all);
		model.addAttribute("execution", execution.of(municipality.ubigeo(), year, all));
		model.addAttribute("today", clock.today());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("mayEdit", ProjectScope.mayEdit(staff));
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("offices", workingOffices(municipality.ubigeo()));
		return "investment/projects";
	}

	private String project(Project project, List<String> problems, ExternalProcurementForm external,
			String typedCase, StaffUser staff, Model model) {
		model.addAttribute("project", project);
		model.addAttribute("projectList", List.of(project));
		model.addAttribute("documents", documents.of(project));
		model.addAttribute("office", offices.find(project.responsibleOffice()).map(OfficeView::name)
			.orElse(project.responsibleOffice()));
		model.addAttribute("today", clock.today());
		model.addAttribute("problems", problems);
		model.addAttribute("external", external);
		model.addAttribute("typedCase", typedCase);
		model.addAttribute("mayEdit", ProjectScope.mayEdit(staff));
		return "investment/project";
	}

	/** The offices that can be responsible for a municipality's project: its own working offices, not the system's. */
	private List<OfficeView> workingOffices(String ubigeo) {
		return offices.all().stream()
			.filter(o -> !Set.of(Offices.ADMIN, Offices.ASESOR, Offices.MONITORING, Offices.SUPERVISION).contains(o.id()))
			.filter(o -> o.servesEveryMunicipality() || o.municipalities().contains(ubigeo))
			.toList();
	}

	private static void requireEditor(StaffUser staff) {
		if (!ProjectScope.mayEdit(staff)) {
			throw new AccessDeniedException("Only planning, management or administrators change projects");
		}
	}

}
