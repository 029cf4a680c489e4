package pe.tramita.investment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A procurement run outside Tramita (the national procurement system), as typed: its reference, what it buys, the
 * contracted amount and the dates reached so far, which must follow one another.
 */
public record ExternalProcurementForm(String reference, String description, String amount, String certifiedOn,
		String committedOn, String conformityOn, String paidOn) {

	/** Nothing typed yet. */
	static final ExternalProcurementForm EMPTY = new ExternalProcurementForm(null, null, null, null, null, null, null);

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (reference == null || reference.isBlank() || reference.strip().length() > 60) {
			problems.add("investment.error.reference");
		}
		if (description == null || description.isBlank() || description.strip().length() > 300) {
			problems.add("investment.error.description");
		}
		if (Amounts.parse(amount) == null) {
			problems.add("investment.error.amount");
		}
		List<String> typed = List.of(nonNull(certifiedOn), nonNull(committedOn), nonNull(conformityOn), nonNull(paidOn));
		LocalDate previous = null;
		boolean gap = false;
		for (String text : typed) {
			if (text.isBlank()) {
				gap = true;
				continue;
			}
			LocalDate date = Amounts.date(text);
			// a stage is reached only after the one before it, and on or after its day
			if (date == null || gap || previous != null && date.isBefore(previous)) {
				problems.add("investment.error.stages");
				break;
			}
			previous = date;
		}
		return problems;
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

}
