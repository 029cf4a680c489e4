package pe.tramita.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The clerk's typed text against the constraints a model declares for its form fields. */
class ModelFormsTests {

	private static final ModelFormField COMPLETE = field("requisitosCompletos", "boolean", true, null, null, null);

	private static final ModelFormField OBSERVATION = field("observacion", "string", false, null, 20,
			"requisitosCompletos=false");

	private static final ModelFormField RISK = new ModelFormField("nivelRiesgo", "Nivel", "enum", true, false, null, null,
			null, null, Map.of("BAJO", "Bajo", "ALTO", "Alto"), null, "", null, null);

	private static final ModelFormField INSPECTORS = new ModelFormField("inspectores", "Inspectores", "long", false, false,
			null, null, 1L, 3L, Map.of(), null, "", null, null);

	@Test
	void validAnswersBecomeTypedVariables() {
		var submission = ModelForms.parse(List.of(COMPLETE, OBSERVATION, RISK, INSPECTORS),
				Map.of("requisitosCompletos", "true", "nivelRiesgo", "ALTO", "inspectores", "2"));
		assertThat(submission.valid()).isTrue();
		assertThat(submission.variables()).containsEntry("requisitosCompletos", true)
			.containsEntry("nivelRiesgo", "ALTO")
			.containsEntry("inspectores", 2L)
			.containsEntry("observacion", null);
	}

	@Test
	void missingRequiredBooleanIsNamed() {
		var submission = ModelForms.parse(List.of(COMPLETE), Map.of());
		assertThat(submission.errors()).extracting(FieldError::messageKey).containsExactly("taskForm.required");
		assertThat(submission.errors().get(0).arguments()).containsExactly("requisitosCompletos label");
	}

	@Test
	void observationIsRequiredOnlyWhenRequirementsAreIncomplete() {
		assertThat(ModelForms.parse(List.of(COMPLETE, OBSERVATION), Map.of("requisitosCompletos", "false")).errors())
			.extracting(FieldError::fieldId).containsExactly("observacion");
		assertThat(ModelForms.parse(List.of(COMPLETE, OBSERVATION), Map.of("requisitosCompletos", "true")).valid())
			.isTrue();
	}

	@Test
	void valuesOutsideTheModelsConstraintsAreRefusedAndKeptForTheClerk() {
		var submission = ModelForms.parse(List.of(COMPLETE, OBSERVATION, RISK, INSPECTORS),
				Map.of("requisitosCompletos", "tal vez", "observacion", "x".repeat(21), "nivelRiesgo", "EXTREMO",
						"inspectores", "9"));
		assertThat(submission.errors()).extracting(FieldError::messageKey)
			.containsExactly("taskForm.boolean", "taskForm.maxLength", "taskForm.option", "taskForm.range");
		assertThat(submission.variables()).isEmpty();
		assertThat(submission.fieldsAsTyped()).extracting(ModelFormField::value)
			.containsExactly("tal vez", "x".repeat(21), "EXTREMO", "9");
	}

	private static ModelFormField field(String id, String type, boolean required, Integer minLength, Integer maxLength,
			String requiredWhen) {
		return new ModelFormField(id, id + " label", type, required, false, minLength, maxLength, null, null, Map.of(),
				requiredWhen, "", null, null);
	}

}
