package pe.tramita.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The BPMN XML of a deployed process definition, as the diagrams on the staff pages load it. */
@Component
public class ProcessModels {

	private final RepositoryService repositoryService;

	ProcessModels(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	public String xml(String processDefinitionId) {
		try (InputStream model = repositoryService.getProcessModel(processDefinitionId)) {
			return new String(model.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the model of " + processDefinitionId, e);
		}
	}

}
