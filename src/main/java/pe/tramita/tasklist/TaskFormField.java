package pe.tramita.tasklist;

import java.util.Map;

/** One field a user task declares in its model, ready to render. {@code value} is as the clerk typed or will see it. */
public record TaskFormField(String id, String label, String type, boolean required, boolean readOnly,
		Integer minLength, Integer maxLength, Long min, Long max, Map<String, String> options, String value) {

	TaskFormField withValue(String newValue) {
		return new TaskFormField(id, label, type, required, readOnly, minLength, maxLength, min, max, options, newValue);
	}

}
