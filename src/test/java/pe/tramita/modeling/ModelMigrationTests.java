package pe.tramita.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.modeling.ModelMigrations.CasePreview;
import pe.tramita.modeling.ModelMigrations.Preview;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.BatchJobs;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;
import pe.tramita.tasklist.ClerkTasks;

/**
 * Tantarica's running licence cases moved to its own new version, whose risk step has another id: the preview says
 * the case waiting on that step cannot move and why, the batch moves the others with every variable and their open
 * task intact, and they go on in the new version.
 */
@TramitaTest
class ModelMigrationTests {

	static final String TANTARICA = "060507";

	@Autowired
	Applications applications;

	@Autowired
	ModelMigrations migrations;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ClerkTasks tasks;

	@Autowired
	BatchJobs batchJobs;

	@Autowired
	Staff staff;

	@Test
	void casesMoveWithTheirVariablesAndTheOneThatCannotStays() throws Exception {
		StaffUser mesa = staff.person("mesa", "mesa-de-partes", TANTARICA);
		StaffUser advisor = staff.person("asesor", Offices.ASESOR, TANTARICA);
		Filing atRisk = applications.fileLicence(TANTARICA, RiskLevel.BAJO);
		Filing first = applications.fileLicence(TANTARICA, RiskLevel.MEDIO);
		Filing second = applications.fileLicence(TANTARICA, RiskLevel.BAJO);
		String reviewOfAtRisk = task(atRisk).getId();
		tasks.claim(reviewOfAtRisk, mesa);
		assertThat(tasks.complete(reviewOfAtRisk, mesa, Map.of("requisitosCompletos", "true")).valid()).isTrue();
		assertThat(task(atRisk).getTaskDefinitionKey()).isEqualTo("classifyRisk");
		String source = task(first).getProcessDefinitionId();
		String firstTask = task(first).getId();
		Map<String, Object> firstVariables = runtimeService.getVariables(instance(first));
		Map<String, Object> secondVariables = runtimeService.getVariables(instance(second));
		assertThat(firstVariables).isNotEmpty();

		String simplified = Files.readString(Path.of("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn"))
			.replace("\"classifyRisk\"", "\"confirmRisk\"");
		repositoryService.createDeployment().tenantId(TANTARICA).addString("licencia-funcionamiento.bpmn", simplified).deploy();
		String target = repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.tenantIdIn(TANTARICA).latestVersion().singleResult().getId();

		Preview preview = migrations.preview(source, target, advisor);
		assertThat(preview.planProblems()).isEmpty();
		// only Tantarica's cases: the advisor's municipality
		assertThat(preview.cases()).extracting(CasePreview::caseNumber)
			.containsExactlyInAnyOrder(atRisk.caseNumber(), first.caseNumber(), second.caseNumber());
		CasePreview stuck = preview.cases().stream().filter(c -> c.caseNumber().equals(atRisk.caseNumber())).findFirst().orElseThrow();
		assertThat(stuck.canMove()).isFalse();
		assertThat(stuck.currentSteps()).containsExactly("Clasificar el nivel de riesgo");
		assertThat(stuck.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.messageKey()).isEqualTo("model.migration.missingStep");
			assertThat(reason.arguments()).containsExactly("Clasificar el nivel de riesgo", 1);
		});
		assertThat(preview.movable()).isEqualTo(2);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(target).count())
			.as("the preview moved nothing").isZero();

		String batch = migrations.start(source, target, advisor);
		assertThat(migrations.progress(batch).orElseThrow()).satisfies(p -> {
			assertThat(p.finished()).isFalse();
			assertThat(p.completed()).isZero();
		});
		batchJobs.run(batch, () -> migrations.progress(batch).orElseThrow().finished());
		assertThat(migrations.progress(batch).orElseThrow()).satisfies(p -> {
			assertThat(p.finished()).isTrue();
			assertThat(p.total()).isEqualTo(2);
		});
		assertThat(definitionOf(first)).isEqualTo(target);
		assertThat(definitionOf(second)).isEqualTo(target);
		assertThat(definitionOf(atRisk)).as("left on its version").isEqualTo(source);
		assertThat(runtimeService.getVariables(instance(first))).isEqualTo(firstVariables);
		assertThat(runtimeService.getVariables(instance(second))).isEqualTo(secondVariables);
		assertThat(task(first).getId()).as("the same open task").isEqualTo(firstTask);
		assertThat(task(first).getProcessDefinitionId()).isEqualTo(target);

		// the moved case goes on in the new version
		tasks.claim(firstTask, mesa);
		assertThat(tasks.complete(firstTask, mesa, Map.of("requisitosCompletos", "true")).valid()).isTrue();
		assertThat(task(first).getTaskDefinitionKey()).isEqualTo("confirmRisk");
	}

	private org.camunda.bpm.engine.task.Task task(Filing filing) {
		List<org.camunda.bpm.engine.task.Task> open = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).list();
		assertThat(open).hasSize(1);
		return open.get(0);
	}

	private String instance(Filing filing) {
		return task(filing).getProcessInstanceId();
	}

	private String definitionOf(Filing filing) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(instance(filing)).singleResult()
			.getProcessDefinitionId();
	}

}
