package pe.tramita.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A SUNAT RUC: 11 digits, a known taxpayer prefix, and a valid check digit (modulo 11). Blank is left to @NotBlank. */
@Documented
@Constraint(validatedBy = Ruc.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface Ruc {

	String message() default "{ruc.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Ruc, String> {

		private static final int[] WEIGHTS = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || isValidRuc(value);
		}

		public static boolean isValidRuc(String ruc) {
			if (!ruc.matches("(10|15|16|17|20)\\d{9}")) {
				return false;
			}
			int sum = 0;
			for (int i = 0; i < WEIGHTS.length; i++) {
				sum += (ruc.charAt(i) - '0') * WEIGHTS[i];
			}
			int check = 11 - sum % 11;
			return check % 10 == ruc.charAt(10) - '0';
		}

	}

}
