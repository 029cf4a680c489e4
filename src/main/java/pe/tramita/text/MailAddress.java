package pe.tramita.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An e-mail address the municipality can write to: a domain of at least two labels ending in a real top-level name,
 * not an IP address and not a name reserved for tests and examples (RFC 2606, RFC 6761) — such a domain can never
 * receive mail. The rest of the address is checked by {@code @Email}; blank is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = MailAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

	String message() default "{email.domain}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<MailAddress, String> {

		private static final Set<String> RESERVED = Set.of("example", "invalid", "localhost", "test", "local",
				"localdomain", "onion", "internal");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String address = value.strip();
			int at = address.lastIndexOf('@');
			if (at <= 0 || at == address.length() - 1) {
				return true; // not an address at all: @Email says so
			}
			String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
			String[] labels = domain.split("\\.", -1);
			String top = labels[labels.length - 1];
			return labels.length >= 2 && top.matches("[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
					&& !RESERVED.contains(top)
					&& !(labels[labels.length - 2].equals("example") && top.matches("com|net|org"))
					&& java.util.Arrays.stream(labels).allMatch(label -> label.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"));
		}

	}

}
