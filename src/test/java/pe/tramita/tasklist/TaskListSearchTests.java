package pe.tramita.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskPage;
import pe.tramita.engine.TaskRow;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskSort;
import pe.tramita.engine.TaskView;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * The task list's views, counts, search, sort, paging and saved filters, on the real engine's tasks. Each test works
 * in a municipality of its own (of Cajabamba and Celendín provinces) so that its counts are exact.
 */
@TramitaTest
class TaskListSearchTests {

	@Autowired
	TaskSearch search;

	@Autowired
	SavedFilters savedFilters;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	Applications applications;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void viewsCountWhatTheyListAndFollowClaims() {
		String ubigeo = "060201";
		List<Filing> filings = IntStream.range(0, 3).mapToObj(i -> applications.fileLicence(ubigeo, RiskLevel.BAJO)).toList();
		StaffUser ana = clerk("ana", "mesa-de-partes", ubigeo);
		StaffUser otherOffice = clerk("luis", "licencias", ubigeo);

		TaskPage office = search.page(ana, TaskFilter.of(TaskView.OFFICE));
		assertThat(office.total()).isEqualTo(3);
		assertThat(office.rows()).extracting(TaskRow::caseNumber)
			.containsExactlyInAnyOrderElementsOf(filings.stream().map(Filing::caseNumber).toList());
		assertThat(office.rows()).allSatisfy(row -> {
			assertThat(row.applicantName()).isEqualTo("Juana Quispe Ñahui");
			assertThat(row.procedureName()).isEqualTo("Licencia de Funcionamiento");
			assertThat(row.municipalityName()).isEqualTo("Municipalidad Provincial de Cajabamba");
		});
		assertThat(office.count(TaskView.MINE)).isZero();
		assertThat(search.page(otherOffice, TaskFilter.of(TaskView.OFFICE)).total()).isZero();

		tasks.claim(office.rows().get(0).taskId(), ana);
		TaskPage mine = search.page(ana, TaskFilter.of(TaskView.MINE));
		assertThat(mine.rows()).extracting(TaskRow::taskId).containsExactly(office.rows().get(0).taskId());
		assertThat(mine.count(TaskView.MINE)).isEqualTo(1);
		assertThat(mine.count(TaskView.OFFICE)).isEqualTo(2);
		// a non-supervisor gets no municipality view, even by asking for it
		assertThat(mine.count(TaskView.MUNICIPALITY)).isZero();
		assertThat(search.page(ana, TaskFilter.of(TaskView.MUNICIPALITY)).rows()).isEmpty();

		StaffUser head = clerk("jefa", Offices.SUPERVISION, ubigeo);
		TaskPage all = search.page(head, TaskFilter.of(TaskView.MUNICIPALITY));
		assertThat(all.total()).isEqualTo(3);
		assertThat(all.rows()).filteredOn(row -> row.assignee() != null).extracting(TaskRow::assignee)
			.containsExactly(ana.id());
	}

	@Test
	void dueViewsFollowTheLegalClock() {
		String ubigeo = "060202";
		Filing filing = applications.fileLicence(ubigeo, RiskLevel.BAJO);
		StaffUser clerk = clerk("ana", "mesa-de-partes", ubigeo);
		LocalDate due = filing.dueDate();

		TaskPage today = search.page(clerk, TaskFilter.of(TaskView.OVERDUE));
		assertThat(today.count(TaskView.OVERDUE)).isZero();

		TestTime.set(Date.from(due.atTime(9, 0).atZone(TramitaApplication.LIMA).toInstant()));
		TaskPage onTheDay = search.page(clerk, TaskFilter.of(TaskView.DUE_TODAY));
		assertThat(onTheDay.rows()).extracting(TaskRow::caseNumber).containsExactly(filing.caseNumber());
		assertThat(onTheDay.count(TaskView.DUE_THIS_WEEK)).isEqualTo(1);
		assertThat(onTheDay.count(TaskView.OVERDUE)).isZero();

		TestTime.set(Date.from(due.plusDays(1).atTime(9, 0).atZone(TramitaApplication.LIMA).toInstant()));
		TaskPage late = search.page(clerk, TaskFilter.of(TaskView.OVERDUE));
		assertThat(late.rows()).singleElement().satisfies(row -> {
			assertThat(row.caseNumber()).isEqualTo(filing.caseNumber());
			assertThat(row.overdue()).isTrue();
		});
		assertThat(late.count(TaskView.DUE_TODAY)).isZero();
	}

	@Test
	void searchFindsByCaseNumberIdentityNumberAndNameAndFiltersByProcedure() {
		String ubigeo = "060203";
		Filing rosa = applications.fileLicence(ubigeo, RiskLevel.BAJO, "41234567", "Rosa Chávez Huamán");
		Filing pedro = applications.fileLicence(ubigeo, RiskLevel.BAJO, "42345678", "Pedro 100% Ruiz_Vega");
		applications.fileComplaint(ubigeo);
		StaffUser clerk = clerk("ana", "mesa-de-partes", ubigeo);

		assertThat(found(clerk, rosa.caseNumber(), null)).containsExactly(rosa.caseNumber());
		assertThat(found(clerk, "42345678", null)).containsExactly(pedro.caseNumber());
		assertThat(found(clerk, "chávez", null)).containsExactly(rosa.caseNumber());
		// LIKE wildcards typed by the clerk are literal characters
		assertThat(found(clerk, "100%", null)).containsExactly(pedro.caseNumber());
		assertThat(found(clerk, "_", null)).containsExactly(pedro.caseNumber());
		assertThat(found(clerk, "%", null)).containsExactly(pedro.caseNumber());
		assertThat(found(clerk, "99999999", null)).isEmpty();
		assertThat(found(clerk, null, "licencia-funcionamiento")).containsExactlyInAnyOrder(rosa.caseNumber(),
				pedro.caseNumber());
		assertThat(found(clerk, null, "queja-reclamo")).hasSize(1).doesNotContain(rosa.caseNumber(), pedro.caseNumber());
		// the RUC of both businesses finds both
		assertThat(found(clerk, Applications.VALID_RUC, null)).hasSize(2);
	}

	@Test
	void searchIgnoresAccentsAndCaseTakesPartsOfCaseNumbersAndLooksAcrossTheClerksWholeReach() {
		String ubigeo = "060801";
		Filing rosa = applications.fileLicence(ubigeo, RiskLevel.BAJO, "43234567", "Rosa Chávez Huamán");
		Filing diaz = applications.fileLicence(ubigeo, RiskLevel.BAJO, "44345678", "Luis Díaz Ñique");
		StaffUser clerk = clerk("bea", "mesa-de-partes", ubigeo);

		assertThat(found(clerk, "rosa chavez", null)).containsExactly(rosa.caseNumber());
		assertThat(found(clerk, "CHAVEZ rosa", null)).containsExactly(rosa.caseNumber());
		assertThat(found(clerk, "Diaz", null)).containsExactly(diaz.caseNumber());
		assertThat(found(clerk, "nique", null)).containsExactly(diaz.caseNumber());
		assertThat(found(clerk, "rosa diaz", null)).isEmpty();
		String sequence = rosa.caseNumber().substring(rosa.caseNumber().lastIndexOf('-') + 1);
		assertThat(found(clerk, sequence, null)).contains(rosa.caseNumber()).doesNotContain(diaz.caseNumber());
		assertThat(found(clerk, rosa.caseNumber().substring(0, 11), null)).contains(rosa.caseNumber(), diaz.caseNumber());

		// a search looks in every task the clerk may open, whatever view is on screen: here "Mis tareas" is empty
		assertThat(search.page(clerk, new TaskFilter(TaskView.MINE, null, null, TaskSort.DUE, 1)).rows()).isEmpty();
		assertThat(search.page(clerk, new TaskFilter(TaskView.MINE, "chavez", null, TaskSort.DUE, 1)).rows())
			.extracting(TaskRow::caseNumber).containsExactly(rosa.caseNumber());
		// and never further: another municipality's clerk finds nothing
		StaffUser elsewhere = clerk("bea", "mesa-de-partes", "060802");
		assertThat(search.page(elsewhere, new TaskFilter(TaskView.MINE, "chavez", null, TaskSort.DUE, 1)).rows())
			.isEmpty();
		assertThat(search.page(elsewhere, new TaskFilter(TaskView.MINE, sequence, null, TaskSort.DUE, 1)).rows())
			.isEmpty();
	}

	@Test
	void pagesDoNotOverlapAndEveryOrderListsEveryTaskOnce() {
		String ubigeo = "060204";
		for (int i = 0; i < 27; i++) {
			applications.fileLicence(ubigeo, RiskLevel.BAJO);
		}
		StaffUser clerk = clerk("ana", "mesa-de-partes", ubigeo);
		for (TaskSort sort : TaskSort.values()) {
			TaskFilter first = new TaskFilter(TaskView.OFFICE, null, null, sort, 1);
			TaskPage one = search.page(clerk, first);
			TaskPage two = search.page(clerk, first.onPage(2));
			assertThat(one.total()).isEqualTo(27);
			assertThat(one.pages()).isEqualTo(2);
			assertThat(one.rows()).hasSize(25);
			assertThat(two.rows()).hasSize(2);
			Set<String> seen = new HashSet<>();
			one.rows().forEach(row -> seen.add(row.taskId()));
			two.rows().forEach(row -> seen.add(row.taskId()));
			assertThat(seen).hasSize(27);
		}
		TaskPage beyond = search.page(clerk, new TaskFilter(TaskView.OFFICE, null, null, TaskSort.DUE, 9));
		assertThat(beyond.filter().page()).isEqualTo(2);
		assertThat(beyond.rows()).hasSize(2);
		List<TaskRow> byCreation = search.page(clerk, new TaskFilter(TaskView.OFFICE, null, null, TaskSort.CREATED, 1)).rows();
		assertThat(byCreation).extracting(TaskRow::created).isSorted();
	}

	@Test
	void savedFiltersBelongToTheirClerk() throws Exception {
		String ubigeo = "060301";
		Authentication ana = staff.login("mesa-de-partes", ubigeo);
		StaffUser anaUser = (StaffUser) ana.getPrincipal();
		mvc.perform(post("/bandeja/filtros").with(authentication(ana)).with(csrf()).param("nombre", "Bodegas vencidas")
			.param("vista", "vencidas").param("buscar", "Bodega").param("orden", "prioridad"))
			.andExpect(status().is3xxRedirection());
		assertThat(savedFilters.of(anaUser)).singleElement().satisfies(saved -> {
			assertThat(saved.name()).isEqualTo("Bodegas vencidas");
			assertThat(saved.url()).isEqualTo("/bandeja?vista=vencidas&buscar=Bodega&orden=prioridad");
		});
		String list = mvc.perform(get("/bandeja").with(authentication(ana))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Bodegas vencidas", "/bandeja?vista=vencidas&amp;buscar=Bodega&amp;orden=prioridad");

		assertThatThrownBy(() -> savedFilters.save(anaUser, "Bodegas vencidas", TaskFilter.of(TaskView.MINE)))
			.hasMessage("filter.duplicateName");
		assertThatThrownBy(() -> savedFilters.save(anaUser, " ", TaskFilter.of(TaskView.MINE))).hasMessage("filter.badName");
		assertThatThrownBy(() -> savedFilters.save(anaUser, "x".repeat(61), TaskFilter.of(TaskView.MINE)))
			.hasMessage("filter.badName");

		long id = savedFilters.of(anaUser).get(0).id();
		Authentication other = staff.login("licencias", ubigeo);
		mvc.perform(post("/bandeja/filtros/" + id + "/eliminar").with(authentication(other)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(savedFilters.of((StaffUser) other.getPrincipal())).isEmpty();
		assertThat(savedFilters.of(anaUser)).hasSize(1);
		mvc.perform(post("/bandeja/filtros/" + id + "/eliminar").with(authentication(ana)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(savedFilters.of(anaUser)).isEmpty();
	}

	@Test
	void theDefaultViewIsTheClerksOwnTasksOrTheirOfficesWhenTheyHoldNone() throws Exception {
		String ubigeo = "060306";
		String caseNumber = applications.fileLicence(ubigeo, RiskLevel.BAJO).caseNumber();
		Authentication clerk = staff.login("mesa-de-partes", ubigeo);
		assertThat(mvc.perform(get("/bandeja").with(authentication(clerk))).andReturn().getResponse().getContentAsString())
			.containsPattern("id=\"vista-oficina\"\\s+aria-current=\"page\"").contains(caseNumber);
		tasks.claim(search.page((StaffUser) clerk.getPrincipal(), TaskFilter.of(TaskView.OFFICE)).rows().get(0).taskId(),
				(StaffUser) clerk.getPrincipal());
		assertThat(mvc.perform(get("/bandeja").with(authentication(clerk))).andReturn().getResponse().getContentAsString())
			.containsPattern("id=\"vista-mias\"\\s+aria-current=\"page\"");
	}

	@Test
	void badParametersFallBackToTheDefaultsAndATooLongSearchIsExplained() throws Exception {
		Authentication clerk = staff.login("mesa-de-partes", "060302");
		String page = mvc.perform(get("/bandeja").with(authentication(clerk)).param("vista", "nada")
			.param("orden", "'; drop table x").param("pagina", "-3").param("tramite", "no-existe")
			.param("buscar", "a".repeat(101))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("La búsqueda puede tener hasta 100 caracteres", "aria-current=\"page\"");
	}

	private List<String> found(StaffUser clerk, String text, String procedureKey) {
		return search.page(clerk, new TaskFilter(TaskView.OFFICE, text, procedureKey, TaskSort.DUE, 1)).rows().stream()
			.map(TaskRow::caseNumber)
			.toList();
	}

	private StaffUser clerk(String name, String office, String ubigeo) {
		return staff.person(name, office, ubigeo);
	}

}
