package pe.tramita.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.variable.value.TypedValue;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.text.Ruc;
import pe.tramita.text.VisibleText;

/**
 * Turns the {@code camunda:formField}s a model declares (on a user task, or on the start event for the citizen's
 * application) into fields to render, and the typed text back into process variables, checking the model's
 * constraints (required, minlength, maxlength, min, max, readonly, and Tramita's ruc and decimal) and the
 * {@code requiredWhen} property.
 */
public final class ModelForms {

	/** Strict: 31/02 is refused, not rolled back to the 28th. */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private ModelForms() {
	}

	public static List<ModelFormField> fields(List<FormField> formFields) {
		return formFields.stream().map(field -> field(field, false)).toList();
	}

	/**
	 * The fields of a step done again (a second review after a correction): what the clerk must answer starts from
	 * the model's default, not from the answer of the round before; read-only fields still show what they show.
	 */
	public static List<ModelFormField> freshFields(List<FormField> formFields) {
		return formFields.stream().map(field -> field(field, true)).toList();
	}

	/** The constraints a model's form field may carry: Camunda's own (no {@code validator}: it runs Java) and Tramita's. */
	public static final Set<String> CONSTRAINTS = Set.of("required", "readonly", "minlength", "maxlength", "min", "max",
			FormConstraints.RUC, FormConstraints.DECIMAL);

	/**
	 * Whether a constraint's configuration is one this renderer can read: none for required, readonly and ruc; a
	 * number for the others; {@code min;max;decimals} with min ≤ max and 0–6 decimals for decimal. The model rules
	 * refuse a model with any other, so that no form fails when it is shown.
	 */
	public static boolean readableConstraint(String name, String config) {
		String text = config == null ? "" : config.strip();
		try {
			return switch (name) {
				case "required", "readonly", FormConstraints.RUC -> text.isEmpty();
				case "minlength", "maxlength" -> Integer.parseInt(text) >= 0;
				case "min", "max" -> {
					Long.parseLong(text);
					yield true;
				}
				case FormConstraints.DECIMAL -> {
					ModelFormField.Decimal decimal = ModelFormField.Decimal.parse(text);
					yield decimal.min().compareTo(decimal.max()) <= 0 && decimal.scale() >= 0 && decimal.scale() <= 6;
				}
				default -> false;
			};
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static ModelFormField field(FormField field, boolean fresh) {
		Integer minLength = null;
		Integer maxLength = null;
		Long min = null;
		Long max = null;
		boolean required = false;
		boolean readOnly = false;
		String format = null;
		ModelFormField.Decimal decimal = null;
		for (FormFieldValidationConstraint constraint : field.getValidationConstraints()) {
			Object config = constraint.getConfiguration();
			switch (constraint.getName()) {
				case "required" -> required = true;
				case "readonly" -> readOnly = true;
				case "minlength" -> minLength = Integer.valueOf(config.toString());
				case "maxlength" -> maxLength = Integer.valueOf(config.toString());
				case "min" -> min = Long.valueOf(config.toString());
				case "max" -> max = Long.valueOf(config.toString());
				case FormConstraints.RUC -> format = FormConstraints.RUC;
				case FormConstraints.DECIMAL -> {
					format = FormConstraints.DECIMAL;
					decimal = ModelFormField.Decimal.parse(config.toString());
				}
				default -> throw new IllegalStateException(
						"Form field " + field.getId() + " uses unknown constraint " + constraint.getName());
			}
		}
		Map<String, String> options = "enum".equals(field.getTypeName())
				? new LinkedHashMap<>((Map<String, String>) field.getType().getInformation("values")) : Map.of();
		return new ModelFormField(field.getId(), field.getLabel() == null ? field.getId() : field.getLabel(),
				field.getTypeName(), required, readOnly, minLength, maxLength, min, max, options,
				field.getProperties().get("requiredWhen"),
				display(fresh && !readOnly ? null : field.getValue(), field.getDefaultValue()), format,
				decimal);
	}

	private static String display(TypedValue value, Object defaultValue) {
		Object raw = value != null && value.getValue() != null ? value.getValue() : defaultValue;
		if (raw == null) {
			return "";
		}
		if (raw instanceof Date date) {
			return DATE.format(date.toInstant().atZone(TramitaApplication.LIMA));
		}
		return raw.toString();
	}

	/** The typed variables, or the errors that stop them; fields not shown to the clerk are never written. */
	public record Submission(Map<String, Object> variables, List<FieldError> errors, List<ModelFormField> fieldsAsTyped) {

		public boolean valid() {
			return errors.isEmpty();
		}

	}

	/** Null for a number within the bounds and decimals; else the message key of what is wrong with it. */
	static String decimalProblem(String text, ModelFormField.Decimal bounds) {
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			return "taskForm.decimal";
		}
		boolean inRange = number.compareTo(bounds.min()) >= 0 && number.compareTo(bounds.max()) <= 0;
		return inRange && number.stripTrailingZeros().scale() <= bounds.scale() ? null : "taskForm.decimalRange";
	}

	public static Submission parse(List<ModelFormField> fields, Map<String, String> typed) {
		Map<String, Object> variables = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		List<ModelFormField> asTyped = new ArrayList<>();
		for (ModelFormField field : fields) {
			if (field.readOnly()) {
				asTyped.add(field);
				continue;
			}
			String text = typed.getOrDefault(field.id(), "").strip();
			asTyped.add(field.withValue(text));
			if (text.isEmpty()) {
				if (field.requiredGiven(typed)) {
					errors.add(new FieldError(field.id(), "taskForm.required", List.of(field.label())));
				}
				else if (!"boolean".equals(field.type())) {
					variables.put(field.id(), null);
				}
				continue;
			}
			Object value = convert(field, text, errors);
			if (value != null) {
				variables.put(field.id(), value);
			}
		}
		return new Submission(variables, errors, asTyped);
	}

	private static Object convert(ModelFormField field, String text, List<FieldError> errors) {
		switch (field.type()) {
			case "boolean":
				if (!text.equals("true") && !text.equals("false")) {
					errors.add(new FieldError(field.id(), "taskForm.boolean", List.of(field.label())));
					return null;
				}
				return Boolean.valueOf(text);
			case "long":
				try {
					long number = Long.parseLong(text);
					if (field.min() != null && number < field.min() || field.max() != null && number > field.max()) {
						errors.add(new FieldError(field.id(), "taskForm.range", List.of(field.label(),
								field.min() == null ? "-" : field.min(), field.max() == null ? "-" : field.max())));
						return null;
					}
					return number;
				}
				catch (NumberFormatException e) {
					errors.add(new FieldError(field.id(), "taskForm.number", List.of(field.label())));
					return null;
				}
			case "enum":
				if (!field.options().containsKey(text)) {
					errors.add(new FieldError(field.id(), "taskForm.option", List.of(field.label())));
					return null;
				}
				return text;
			case "date":
				try {
					LocalDate date = LocalDate.parse(text, DATE);
					return Date.from(date.atStartOfDay(TramitaApplication.LIMA).toInstant());
				}
				catch (DateTimeParseException e) {
					errors.add(new FieldError(field.id(), "taskForm.date", List.of(field.label())));
					return null;
				}
			default:
				if (!VisibleText.Validator.isVisible(text)) {
					errors.add(new FieldError(field.id(), "taskForm.invisible", List.of(field.label())));
					return null;
				}
				if (field.minLength() != null && text.length() < field.minLength()) {
					errors.add(new FieldError(field.id(), "taskForm.minLength", List.of(field.label(), field.minLength())));
					return null;
				}
				if (field.maxLength() != null && text.length() > field.maxLength()) {
					errors.add(new FieldError(field.id(), "taskForm.maxLength", List.of(field.label(), field.maxLength())));
					return null;
				}
				if (FormConstraints.RUC.equals(field.format()) && !Ruc.isValid(text)) {
					errors.add(new FieldError(field.id(), "taskForm.ruc", List.of(field.label())));
					return null;
				}
				if (field.decimal() != null) {
					String problem = decimalProblem(text, field.decimal());
					if (problem != null) {
						ModelFormField.Decimal d = field.decimal();
						errors.add(new FieldError(field.id(), problem, List.of(field.label(), d.min().toPlainString(),
								d.max().toPlainString(), d.scale())));
						return null;
					}
					return new BigDecimal(text).toPlainString();
				}
				return text;
		}
	}

}
