package pe.tramita.form;

import java.util.Map;

/**
 * One field a model declares, ready to render. {@code value} is as the user typed or will see it.
 * {@code requiredWhen} ("otherField=value", a {@code camunda:property} of the field) makes it required only when
 * another field of the form has that value.
 */
public record ModelFormField(String id, String label, String type, boolean required, boolean readOnly,
		Integer minLength, Integer maxLength, Long min, Long max, Map<String, String> options, String requiredWhen,
		String value) {

	public ModelFormField withValue(String newValue) {
		return new ModelFormField(id, label, type, required, readOnly, minLength, maxLength, min, max, options,
				requiredWhen, newValue);
	}

	/** Required by its own constraint, or because the field it depends on has the value that asks for it. */
	public boolean requiredGiven(Map<String, String> typed) {
		if (required) {
			return true;
		}
		if (requiredWhen == null || !requiredWhen.contains("=")) {
			return false;
		}
		String[] condition = requiredWhen.split("=", 2);
		return condition[1].strip().equals(typed.getOrDefault(condition[0].strip(), "").strip());
	}

}
