package pe.tramita.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import pe.tramita.request.CaseConcluded;
import pe.tramita.request.Filing;
import pe.tramita.support.Applications;
import pe.tramita.support.TramitaTest;

/** A case's conclusion reaches analytics by event, even when its process ends inside the start that files it. */
@TramitaTest
@RecordApplicationEvents
class ConclusionRecordingTests {

	/** Cachachi, a municipality no other test uses. */
	static final String CACHACHI = "060109";

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	Applications applications;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aProcessThatEndsAsItStartsIsRecordedToo() {
		repositoryService.createDeployment().tenantId(CACHACHI).name("queja-reclamo atendida al presentarse")
			.addString("queja-reclamo.bpmn", """
					<?xml version="1.0" encoding="UTF-8"?>
					<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
					    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="https://tramita.pe/procesos">
					  <bpmn:process id="queja-reclamo" name="Queja o reclamo" isExecutable="true" camunda:historyTimeToLive="3650">
					    <bpmn:startEvent id="filed" name="Reclamo presentado"><bpmn:outgoing>toEnd</bpmn:outgoing></bpmn:startEvent>
					    <bpmn:sequenceFlow id="toEnd" sourceRef="filed" targetRef="registered" />
					    <bpmn:endEvent id="registered" name="Reclamo registrado"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
					  </bpmn:process>
					</bpmn:definitions>
					""")
			.deploy();

		Filing filing = applications.fileComplaint(CACHACHI);

		assertThat(events.stream(CaseConcluded.class)).extracting(CaseConcluded::caseNumber)
			.containsExactly(filing.caseNumber());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.case_cycle c JOIN tramita.expediente e"
				+ " ON e.id = c.expediente_id WHERE e.case_number = ?", Integer.class, filing.caseNumber()))
			.as("recorded once the filing committed").isOne();
	}

}
