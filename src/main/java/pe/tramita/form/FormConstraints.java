package pe.tramita.form;

import java.util.HashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorContext;
import org.springframework.stereotype.Component;

import pe.tramita.text.Ruc;

/**
 * The constraints a model's form field may carry beyond Camunda's own: {@code ruc} (a SUNAT RUC) and
 * {@code decimal} ({@code config="min;max;decimals"}). Registered with the engine so that models naming them deploy
 * (and Camunda's form service checks them too); Tramita's forms check them in {@link ModelForms}.
 */
@Component
class FormConstraints extends AbstractProcessEnginePlugin {

	static final String RUC = "ruc";

	static final String DECIMAL = "decimal";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomFormFieldValidators() == null) {
			configuration.setCustomFormFieldValidators(new HashMap<>());
		}
		configuration.getCustomFormFieldValidators().put(RUC, RucValidator.class);
		configuration.getCustomFormFieldValidators().put(DECIMAL, DecimalValidator.class);
	}

	/** Public with a public constructor: the engine makes one by reflection. */
	public static class RucValidator implements FormFieldValidator {

		@Override
		public boolean validate(Object submittedValue, FormFieldValidatorContext context) {
			return submittedValue == null || Ruc.isValid(submittedValue.toString().strip());
		}

	}

	public static class DecimalValidator implements FormFieldValidator {

		@Override
		public boolean validate(Object submittedValue, FormFieldValidatorContext context) {
			return submittedValue == null
					|| ModelForms.decimalProblem(submittedValue.toString().strip(),
							ModelFormField.Decimal.parse(context.getConfiguration())) == null;
		}

	}

}
