package pe.tramita.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.certificate.Certificates;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.support.Applications;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * What the tests of every procedure's paths share: the real engine and beans, the case behind a filing, its one
 * open task and the offices that task is offered to. The engine clock is reset after each test.
 */
@TramitaTest
abstract class ProcessPathTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Certificates certificates;

	@BeforeEach
	void initAssertions() {
		init(engine);
	}

	@AfterEach
	void resetClock() {
		TestTime.reset();
	}

	ProcessInstance instanceOf(Filing filing) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
	}

	ExpedienteView expediente(Filing filing) {
		return expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow();
	}

	Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	List<String> candidateGroups(ProcessInstance instance) {
		return taskService.getIdentityLinksForTask(task(instance).getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.toList();
	}

}
