package pe.tramita.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Under {@code ?lang=en} the procedures' own texts (names, requirements, form labels and choices, step names) come
 * from each procedure's {@code messages_en.properties}; in Spanish, and in what the case keeps, the model's own. Every
 * procedure has an English text for each of them, and no English text names something its model lacks.
 */
@TramitaTest
class ModelTextsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcedureCatalog catalog;

	@Autowired
	Applications applications;

	@Autowired
	CaseSteps steps;

	@Autowired
	TaskService taskService;

	@Autowired
	Staff staff;

	@Test
	void theApplicationFormAndTheCatalogSpeakThePagesLanguage() throws Exception {
		String english = page("/m/060101/tramites/licencia-funcionamiento/solicitud?lang=en");
		assertThat(english).contains("Business licence", "Declared risk level (ITSE matrix)", "Very high",
				"Line of business", "Sworn statement that the building meets the safety conditions");
		assertThat(english).doesNotContain("Nivel de riesgo declarado", "Muy alto");
		String spanish = page("/m/060101/tramites/licencia-funcionamiento/solicitud?lang=es");
		assertThat(spanish).contains("Licencia de Funcionamiento", "Nivel de riesgo declarado (matriz ITSE)", "Muy alto");
		assertThat(page("/m/060101?lang=en")).contains("Complaint about the service or a municipal service",
				"Access to Public Information");
		assertThat(page("/m/060101/tramites/licencia-funcionamiento?lang=en"))
			.contains("The front desk checks that your application has every requirement");
		page("/?lang=es");
	}

	@Test
	void theDecisionStepAndTheEarlierStepsAnswersAreInEnglishForAClerkWhoChoseIt() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.MEDIO);
		steps.complete(filing, "reviewRequirements", Map.of("requisitosCompletos", true));
		steps.complete(filing, "classifyRisk", Map.of("nivelRiesgo", "MEDIO"));
		Authentication clerk = staff.login("gerencia", Staff.CAJAMARCA);
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
		taskService.claim(task.getId(), ((StaffUser) clerk.getPrincipal()).id());

		String page = mvc.perform(get("/bandeja/tareas/{id}", task.getId()).param("lang", "en")
			.with(authentication(clerk))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Decide the application", "Is the licence granted?", "Grounds for the decision",
				"Classify the risk level", "Risk level according to the ITSE matrix", "Medium");
		assertThat(page).doesNotContain("Resolver la solicitud", "¿Se otorga la licencia?");
		StaffUser colleague = staff.person("colega", "gerencia", Staff.CAJAMARCA);
		String seenByColleague = mvc.perform(get("/bandeja/tareas/{id}", task.getId()).param("lang", "en")
			.with(authentication(staff.loginAs(colleague.id())))).andReturn().getResponse().getContentAsString();
		assertThat(seenByColleague).as("the holder's name, not their user id")
			.contains("This task is assigned to " + staff.fullName(((StaffUser) clerk.getPrincipal()).id()) + ".");
		String list = mvc.perform(get("/bandeja").param("lang", "en").with(authentication(clerk)))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Decide the application", "Business licence");
	}

	@Test
	void everyProcedureHasEveryTextInEnglishAndNothingMore() throws Exception {
		for (Procedure procedure : catalog.all()) {
			Properties english = new Properties();
			try (var reader = new InputStreamReader(new ClassPathResource("processes/" + procedure.key()
					+ "/messages_en.properties").getInputStream(), StandardCharsets.UTF_8)) {
				english.load(reader);
			}
			Set<String> needed = new HashSet<>(Set.of("name", "summary"));
			procedure.requirements().forEach(r -> {
				needed.add("requirement." + r.id());
				if (r.help() != null) {
					needed.add("requirement." + r.id() + ".help");
				}
			});
			for (int i = 1; i <= procedure.whatHappens().size(); i++) {
				needed.add("what_happens." + i);
			}
			BpmnModelInstance model = Bpmn.readModelFromStream(new ClassPathResource("processes/" + procedure.key()
					+ "/" + procedure.processKey() + ".bpmn").getInputStream());
			Set<String> fieldKeys = new HashSet<>();
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				formFields(start).forEach(field -> fieldKeys.add(field.getCamundaId()));
				collect(start, null, needed);
			}
			for (UserTask step : model.getModelElementsByType(UserTask.class)) {
				needed.add("step." + step.getId());
				collect(step, step.getId(), needed);
			}
			Set<String> present = english.stringPropertyNames();
			// a step's field may use the procedure-wide text (field.<id>) or its own (field.<step>.<id>)
			Set<String> missing = new HashSet<>();
			for (String key : needed) {
				if (!present.contains(key) && !(key.startsWith("field.") && key.split("\\.").length == 3
						&& present.contains("field." + key.split("\\.")[2]))) {
					missing.add(key);
				}
			}
			assertThat(missing).as(procedure.key() + ": texts without English").isEmpty();
			Set<String> known = new HashSet<>(needed);
			needed.stream().filter(k -> k.startsWith("field.") && k.split("\\.").length == 3)
				.forEach(k -> known.add("field." + k.split("\\.")[2]));
			assertThat(present).as(procedure.key() + ": English texts of nothing in the model").isSubsetOf(known);
		}
	}

	/** A step's fields (field.<step>.<id>, or field.<id> on the start form) and their choices (value.<id>.<v>). */
	private static void collect(ModelElementInstance element, String step, Set<String> needed) {
		for (CamundaFormField field : formFields(element)) {
			needed.add(step == null ? "field." + field.getCamundaId() : "field." + step + "." + field.getCamundaId());
			if (field.getCamundaValues() != null) {
				for (CamundaValue value : field.getCamundaValues()) {
					needed.add("value." + field.getCamundaId() + "." + value.getCamundaId());
				}
			}
		}
	}

	private static List<CamundaFormField> formFields(ModelElementInstance element) {
		var extensions = element instanceof BaseElement base
				? base.getExtensionElements() : null;
		if (extensions == null) {
			return List.of();
		}
		return extensions.getElementsQuery().filterByType(CamundaFormData.class).list().stream()
			.flatMap(form -> form.getCamundaFormFields().stream()).toList();
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
	}

}
