package pe.tramita.request;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;

/**
 * Tells the other modules when a case's process ends, whatever the model: an end listener on every process, added
 * when the engine reads a model (no model has to name it). The event is published inside the engine's transaction.
 */
@Component
class CaseConclusions extends AbstractProcessEnginePlugin {

	private final Expedientes expedientes;

	private final ApplicationEventPublisher events;

	private final LegalClock clock;

	CaseConclusions(@Lazy Expedientes expedientes, ApplicationEventPublisher events, LegalClock clock) {
		this.expedientes = expedientes;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// a process may end inside the start that files its case (an automatic step, then the end)
		ExecutionListener processEnded = execution -> expedientes.boundCase(execution)
			.ifPresent(c -> events.publishEvent(CaseConcluded.of(c, clock.instant())));
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				processDefinition.addListener(ExecutionListener.EVENTNAME_END, processEnded);
			}

		});
	}

}
