package pe.tramita.form;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One field a model declares, ready to render. {@code value} is as the user typed or will see it.
 * {@code requiredWhen} ("otherField=value", a {@code camunda:property} of the field) makes it required only when
 * another field of the form has that value. {@code format} is a text field's kind ({@code ruc}, {@code decimal}),
 * from the constraint of that name.
 */
public record ModelFormField(String id, String label, String type, boolean required, boolean readOnly,
		Integer minLength, Integer maxLength, Long min, Long max, Map<String, String> options, String requiredWhen,
		String value, String format, Decimal decimal) {

	/** A decimal number's bounds and decimals, from {@code <camunda:constraint name="decimal" config="1;100000;2">}. */
	public record Decimal(BigDecimal min, BigDecimal max, int scale) {

		static Decimal parse(String config) {
			String[] parts = config.split(";");
			return new Decimal(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()),
					Integer.parseInt(parts[2].strip()));
		}

	}

	public ModelFormField withValue(String newValue) {
		return new ModelFormField(id, label, type, required, readOnly, minLength, maxLength, min, max, options,
				requiredWhen, newValue, format, decimal);
	}

	/** Typed on one line (an identifier, a number) rather than written as a text. */
	public boolean singleLine() {
		return format != null;
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
