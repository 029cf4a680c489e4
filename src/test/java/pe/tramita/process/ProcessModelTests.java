package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.support.TramitaTest;

/**
 * What the module checks cannot see inside BPMN: every model under processes/ reaches Java only through the allowed
 * named beans, which exist; its user tasks name existing offices and declare their form; it has a TUPA entry.
 */
@TramitaTest
class ProcessModelTests {

	private static final Set<String> ALLOWED_BEANS = Set.of("plazos", "expedientes", "certificados", "uit", "pagos");

	private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

	private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{\\s*!?\\s*([a-zA-Z_]\\w*)\\.");

	@Autowired
	ApplicationContext context;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcedureCatalog catalog;

	@Test
	void everyModelIsExecutableAndUsesOnlyAllowedExistingBeans() throws IOException {
		List<Path> models = models();
		assertThat(models).isNotEmpty();
		for (Path model : models) {
			String xml = Files.readString(model);
			Matcher call = BEAN_CALL.matcher(xml);
			while (call.find()) {
				String bean = call.group(1);
				if (!ENGINE_NAMES.contains(bean)) {
					assertThat(ALLOWED_BEANS).as("bean %s in %s", bean, model).contains(bean);
					assertThat(context.containsBean(bean)).as("bean %s exists", bean).isTrue();
				}
			}
			BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
			assertThat(instance.getModelElementsByType(ScriptTask.class)).as("script tasks in %s", model).isEmpty();
			for (Process process : instance.getModelElementsByType(Process.class)) {
				assertThat(process.isExecutable()).isTrue();
				assertThat(process.getCamundaHistoryTimeToLiveString()).as("history TTL of %s", model).isNotBlank();
				assertThat(catalog.findByProcessKey(process.getId())).as("procedure.yml for %s", process.getId())
					.isPresent();
			}
		}
	}

	@Test
	void everyUserTaskNamesAnExistingOfficeAndDeclaresItsForm() throws IOException {
		for (Path model : models()) {
			BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
			for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
				String office = task.getCamundaCandidateGroups();
				assertThat(office).as("office of %s", task.getId()).isNotBlank();
				for (String named : officesNamedBy(instance, office)) {
					assertThat(identityService.createGroupQuery().groupId(named).count()).as("office %s of %s", named,
							task.getId()).isOne();
				}
				assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).count())
					.as("form of %s", task.getId()).isOne();
				assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
			}
		}
	}

	/**
	 * A fixed office, or {@code ${field}}: an earlier step chooses it, so the field must be an enum of the model whose
	 * every option is an office.
	 */
	private static List<String> officesNamedBy(BpmnModelInstance instance, String office) {
		Matcher chosen = Pattern.compile("\\$\\{(\\w+)}").matcher(office);
		if (!chosen.matches()) {
			return List.of(office);
		}
		CamundaFormField field = instance.getModelElementsByType(CamundaFormField.class)
			.stream()
			.filter(f -> f.getCamundaId().equals(chosen.group(1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no form field " + chosen.group(1) + " chooses the office " + office));
		assertThat(field.getCamundaType()).as("type of %s", field.getCamundaId()).isEqualTo("enum");
		List<String> offices = field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
		assertThat(offices).as("offices %s may choose", field.getCamundaId()).isNotEmpty();
		return offices;
	}

	private static List<Path> models() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).toList();
		}
	}

}
