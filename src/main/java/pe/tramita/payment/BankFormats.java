package pe.tramita.payment;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The banks' file layouts the installation knows, checked at start-up: a wrong one stops the start and says why. */
@Component
class BankFormats {

	private final List<BankFormat> formats;

	BankFormats(Environment environment) {
		this.formats = Binder.get(environment)
			.bind("tramita.payments.bank-formats", Bindable.listOf(BankFormat.class))
			.orElse(List.of());
		formats.forEach(BankFormats::check);
	}

	List<BankFormat> all() {
		return formats;
	}

	Optional<BankFormat> find(String id) {
		return formats.stream().filter(format -> format.id().equals(id)).findFirst();
	}

	private static void check(BankFormat format) {
		String problem = format.id() == null || format.name() == null || format.layout() == null ? "id, name and layout"
				: format.layout() == BankFormat.Layout.CSV && (format.delimiter() == null || format.delimiter().isEmpty())
						? "a delimiter" : null;
		for (String field : new String[] { format.code(), format.amount(), format.paidOn(), format.operation() }) {
			if (problem == null && (field == null || !field.matches(format.layout() == BankFormat.Layout.CSV ? "\\d+"
					: "\\d+-\\d+"))) {
				problem = "code, amount, paid-on and operation as " + (format.layout() == BankFormat.Layout.CSV
						? "column numbers" : "character ranges first-last");
			}
		}
		try {
			DateTimeFormatter.ofPattern(format.datePattern() == null ? "" : format.datePattern());
		}
		catch (IllegalArgumentException e) {
			problem = "a valid date-pattern";
		}
		if (problem != null || format.datePattern() == null) {
			throw new IllegalStateException("tramita.payments.bank-formats: format " + format.id() + " needs "
					+ (problem == null ? "a date-pattern" : problem));
		}
	}

}
