package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskRow;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskView;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** Handing tasks over, follow-up dates, comments and attachments: who may, what is refused, and what is recorded. */
@TramitaTest
class TaskActionsTests {

	static final String UBIGEO = "060303";

	@Autowired
	TaskActions actions;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	TaskSearch search;

	@Autowired
	CaseFiles caseFiles;

	@Autowired
	Applications applications;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Autowired
	Documents documents;

	@Autowired
	LegalClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void assignOnlyToAColleagueOfTheStepsOfficeAndOnlyByWhoMay() {
		String taskId = reviewTask(applications.fileLicence(UBIGEO, RiskLevel.BAJO));
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		StaffUser beto = staff.person("beto", "mesa-de-partes", UBIGEO);
		StaffUser luis = staff.person("luis", "licencias", UBIGEO);
		StaffUser banos = staff.person("ana", "mesa-de-partes", Staff.BANOS);

		assertThatThrownBy(() -> actions.assign(taskId, ana, luis.id())).hasMessage("task.assign.notInOffice");
		assertThatThrownBy(() -> actions.assign(taskId, ana, banos.id())).hasMessage("task.assign.notInOffice");
		assertThat(task(taskId).getAssignee()).isNull();

		actions.assign(taskId, ana, beto.id());
		assertThat(task(taskId).getAssignee()).isEqualTo(beto.id());
		// once it is Beto's, Ana (same office, not its holder, not a supervisor) cannot take it over
		assertThatThrownBy(() -> actions.assign(taskId, ana, ana.id())).hasMessage("task.assign.notAllowed");
		StaffUser head = staff.person("jefa", Offices.SUPERVISION, UBIGEO);
		actions.assign(taskId, head, ana.id());
		assertThat(task(taskId).getAssignee()).isEqualTo(ana.id());
		assertThat(search.page(ana, TaskFilter.of(TaskView.MINE)).rows()).extracting(TaskRow::taskId).contains(taskId);
	}

	@Test
	void delegateThenResolveGivesTheTaskBackToItsOwner() {
		Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);
		String taskId = reviewTask(filing);
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		StaffUser lawyer = staff.person("legal", "licencias", UBIGEO);
		tasks.claim(taskId, ana);

		actions.delegate(taskId, ana, lawyer.id());
		Task delegated = task(taskId);
		assertThat(delegated.getAssignee()).isEqualTo(lawyer.id());
		assertThat(delegated.getOwner()).isEqualTo(ana.id());
		assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
		assertThat(search.page(ana, TaskFilter.of(TaskView.DELEGATED)).rows()).extracting(TaskRow::taskId).contains(taskId);
		assertThat(search.page(lawyer, TaskFilter.of(TaskView.MINE)).rows()).extracting(TaskRow::taskId).contains(taskId);
		// the delegate sees the task although it is not of their office
		assertThat(tasks.details(taskId, lawyer).delegatedToMe()).isTrue();
		assertThatThrownBy(() -> tasks.complete(taskId, lawyer, Map.of("requisitosCompletos", "true")))
			.hasMessage("task.delegatedResolveInstead");
		assertThatThrownBy(() -> actions.resolve(taskId, lawyer, "  ")).hasMessage("task.resolve.answerRequired");
		assertThatThrownBy(() -> actions.resolve(taskId, ana, "no es mía")).hasMessage("task.notYours");

		actions.resolve(taskId, lawyer, "La declaración jurada está firmada; puede continuar.");
		Task back = task(taskId);
		assertThat(back.getAssignee()).isEqualTo(ana.id());
		assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
		assertThat(tasks.complete(taskId, ana, Map.of("requisitosCompletos", "true")).valid()).isTrue();

		CaseFile file = caseFiles.of(tasks.expedienteOf(back));
		// staff read each other's names, not their user ids
		assertThat(file.timeline()).extracting(CaseActivity::messageKey, CaseActivity::actor)
			.containsSubsequence(
				org.assertj.core.groups.Tuple.tuple("activity.CLAIMED", ana.fullName()),
				org.assertj.core.groups.Tuple.tuple("activity.DELEGATED", ana.fullName()),
				org.assertj.core.groups.Tuple.tuple("activity.RESOLVED", lawyer.fullName()),
				org.assertj.core.groups.Tuple.tuple("activity.COMPLETED", ana.fullName()))
			.doesNotContain(org.assertj.core.groups.Tuple.tuple("activity.CLAIMED", ana.id()));
	}

	@Test
	void followUpDateIsTheHoldersBetweenTodayAndAYearAhead() {
		String taskId = reviewTask(applications.fileLicence(UBIGEO, RiskLevel.BAJO));
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		assertThatThrownBy(() -> actions.followUp(taskId, ana, day(clock.today()))).hasMessage("task.notYours");
		tasks.claim(taskId, ana);
		assertThatThrownBy(() -> actions.followUp(taskId, ana, "2026-12-31")).hasMessage("task.followUp.badDate");
		assertThatThrownBy(() -> actions.followUp(taskId, ana, "31/02/2027")).hasMessage("task.followUp.badDate");
		assertThatThrownBy(() -> actions.followUp(taskId, ana, day(clock.today().minusDays(1))))
			.hasMessage("task.followUp.outOfRange");
		assertThatThrownBy(() -> actions.followUp(taskId, ana, day(clock.today().plusYears(1).plusDays(1))))
			.hasMessage("task.followUp.outOfRange");
		assertThat(task(taskId).getFollowUpDate()).isNull();

		actions.followUp(taskId, ana, day(clock.today()));
		assertThat(task(taskId).getFollowUpDate()).isNotNull();
		assertThat(search.page(ana, TaskFilter.of(TaskView.FOLLOW_UP)).rows()).extracting(TaskRow::taskId).contains(taskId);
		actions.followUp(taskId, ana, "");
		assertThat(task(taskId).getFollowUpDate()).isNull();
	}

	@Test
	void commentsAreValidatedAndStayWithTheStaff() throws Exception {
		Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);
		String taskId = reviewTask(filing);
		Authentication ana = staff.login("mesa-de-partes", UBIGEO);
		String task = "/bandeja/tareas/" + taskId;

		mvc.perform(post(task + "/comentar").with(authentication(ana)).with(csrf()).param("comentario", "   "))
			.andExpect(redirectedUrl(task + "#comentarios")).andExpect(flash().attribute("problem", "task.comment.required"));
		mvc.perform(post(task + "/comentar").with(authentication(ana)).with(csrf()).param("comentario", "x".repeat(2001)))
			.andExpect(flash().attribute("problem", "task.text.tooLong"))
			.andExpect(flash().attribute("typedComment", "x".repeat(2001)));
		assertThat(comments(taskId)).isZero();

		mvc.perform(post(task + "/comentar").with(authentication(ana)).with(csrf())
			.param("comentario", "Llamé a la solicitante: trae el plano mañana."))
			.andExpect(flash().attribute("message", "task.commented"));
		assertThat(comments(taskId)).isEqualTo(1);
		String page = mvc.perform(get(task).with(authentication(ana))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Llamé a la solicitante: trae el plano mañana.", "t.mesa-de-partes." + UBIGEO);
		assertThat(citizenStatusPage(filing)).doesNotContain("trae el plano");
	}

	@Test
	void attachmentsAreCheckedLikeCitizensUploadsAndNamedByWhoAttached() throws Exception {
		Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);
		String taskId = reviewTask(filing);
		StaffUser ana = staff.person("ana", "mesa-de-partes", UBIGEO);
		long expedienteId = tasks.expedienteOf(task(taskId)).id();
		int before = documents.listFor(expedienteId).size();

		assertThatThrownBy(() -> actions.attach(taskId, ana,
				new MockMultipartFile("archivo", "informe.pdf", "application/pdf", SampleFiles.exe()), false))
			.isInstanceOf(UploadRejectedException.class).hasMessageContaining("upload.badType");
		assertThatThrownBy(() -> actions.attach(taskId, ana, new MockMultipartFile("archivo", "", "", new byte[0]), false))
			.isInstanceOf(UploadRejectedException.class);
		assertThat(documents.listFor(expedienteId)).hasSize(before);

		Authentication anaLogin = staff.loginAs(ana.id());
		mvc.perform(multipart("/bandeja/tareas/" + taskId + "/adjuntar")
			.file(new MockMultipartFile("archivo", "informe-visita.pdf", "application/pdf", SampleFiles.pdf()))
			.with(authentication(anaLogin)).with(csrf()))
			.andExpect(flash().attribute("message", "task.attached"));
		assertThat(documents.listFor(expedienteId)).hasSize(before + 1).last().satisfies(document -> {
			assertThat(document.fileName()).isEqualTo("informe-visita.pdf");
			assertThat(document.uploadedBy()).isEqualTo(ana.id());
			assertThat(document.requirement()).isEqualTo("Adjunto: Revisar requisitos");
		});
		mvc.perform(multipart("/bandeja/tareas/" + taskId + "/adjuntar")
			.file(new MockMultipartFile("archivo", "foto.png", "image/png", SampleFiles.pdf()))
			.with(authentication(anaLogin)).with(csrf()))
			.andExpect(flash().attribute("problem", "upload.nameMismatch"));
		assertThat(documents.listFor(expedienteId)).hasSize(before + 1);
		// the citizen's page lists what the citizen filed, not the staff's working papers
		assertThat(citizenStatusPage(filing)).contains("dj.pdf").doesNotContain("informe-visita.pdf");
	}

	@Test
	void theCasePageShowsTheTermInBusinessDaysAndTheDiagramOfItsVersion() throws Exception {
		Filing filing = applications.fileLicence(UBIGEO, RiskLevel.BAJO);
		String taskId = reviewTask(filing);
		Authentication ana = staff.login("mesa-de-partes", UBIGEO);
		long expedienteId = tasks.expedienteOf(task(taskId)).id();
		String page = mvc.perform(get("/bandeja/expedientes/" + expedienteId).with(authentication(ana)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Expediente " + filing.caseNumber(), "quedan 15 días hábiles",
				"data-current=\"reviewRequirements\"", "Revisar requisitos", "Juana Quispe Ñahui", "dj.pdf");
		String diagram = mvc.perform(get("/bandeja/expedientes/" + expedienteId + "/diagrama.bpmn")
			.with(authentication(ana))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(diagram).contains("<bpmndi:BPMNDiagram", "id=\"reviewRequirements\"");
	}

	private static String day(java.time.LocalDate date) {
		return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
	}

	private String citizenStatusPage(Filing filing) throws Exception {
		return CaseSteps.statusPage(mvc, filing.caseNumber(), filing.accessCode());
	}

	private int comments(String taskId) {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.staff_action WHERE task_id = ? AND action = 'COMMENTED'",
				Integer.class, taskId);
	}

	private String reviewTask(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult().getId();
	}

	private Task task(String taskId) {
		return taskService.createTaskQuery().taskId(taskId).singleResult();
	}

}
