package pe.tramita.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.support.TramitaTest;

/**
 * Two versions of the licence for Callayuc: the second drops the risk step for one under another id and gives the
 * requirements review to Licencias. The comparison names what was added, removed and changed, and the sheet counts
 * (worked out by hand from the model) four steps in both, four hand-offs before and three after.
 */
@TramitaTest
class ModelComparisonTests {

	static final String CALLAYUC = "060602";

	@Autowired
	ModelComparison comparison;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void addedRemovedChangedAndTheSimplificationSheet() throws Exception {
		String shipped = Files.readString(Path.of("processes/licencia-funcionamiento/licencia-funcionamiento.bpmn"));
		String before = deploy(shipped);
		String after = deploy(shipped.replace("\"classifyRisk\"", "\"confirmRisk\"")
			.replace("name=\"Revisar requisitos\" camunda:candidateGroups=\"mesa-de-partes\"",
					"name=\"Revisar requisitos\" camunda:candidateGroups=\"licencias\""));

		ModelComparison.Comparison result = comparison.compare(before, after, LocalDate.now());
		assertThat(result.added()).contains("confirmRisk");
		assertThat(result.removed()).contains("classifyRisk");
		assertThat(result.changed()).contains("reviewRequirements").doesNotContain("decideLicence", "inspectSafety");
		assertThat(result.names()).containsEntry("confirmRisk", "Clasificar el nivel de riesgo");
		// review (Mesa de Partes) → classify (Licencias) → inspect (Defensa Civil) or decide (Gerencia); inspect → decide
		assertThat(result.before().steps()).isEqualTo(4);
		assertThat(result.before().handOffs()).isEqualTo(4);
		assertThat(result.after().steps()).isEqualTo(4);
		assertThat(result.after().handOffs()).as("review and classify both in Licencias").isEqualTo(3);
		assertThat(result.before().staffFields()).isEqualTo(7);
		assertThat(result.after().measured()).as("a single municipality's version is not measured apart").isNull();
	}

	private String deploy(String xml) {
		repositoryService.createDeployment().tenantId(CALLAYUC).addString("licencia-funcionamiento.bpmn", xml).deploy();
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey("licencia-funcionamiento")
			.tenantIdIn(CALLAYUC).latestVersion().singleResult().getId();
	}

}
