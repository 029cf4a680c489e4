package pe.tramita.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person can read back: at least one letter or digit, and no invisible characters — control characters,
 * zero-width spaces and joiners, or the direction overrides that make a name display as something else. Blank is
 * left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	String message() default "{text.invisible}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<VisibleText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || isVisible(value);
		}

		public static boolean isVisible(String text) {
			boolean readable = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				int type = Character.getType(c);
				if (ControlCharacters.isControl(c) || type == Character.FORMAT
						|| type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
					return false;
				}
				readable |= Character.isLetterOrDigit(c);
			}
			return readable;
		}

	}

}
