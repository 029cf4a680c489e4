package pe.tramita.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A project as typed on the registration page (dates as the browser's date field sends them, yyyy-MM-dd; amounts in
 * soles with a point). {@code originCase}: the prioritized participatory-budget case it comes from, if any.
 */
public record ProjectForm(String name, String source, String budget, String plannedStart, String plannedEnd,
		String office, String originCase) {

	/** Nothing typed yet. */
	static final ProjectForm EMPTY = new ProjectForm(null, null, null, null, null, null, null);

	/** The problems, as message keys, in the form's order; none when it can be saved. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			problems.add("investment.error.name");
		}
		if (fundingSource() == null) {
			problems.add("investment.error.source");
		}
		if (Amounts.parse(budget) == null) {
			problems.add("investment.error.budget");
		}
		LocalDate start = Amounts.date(plannedStart);
		LocalDate end = Amounts.date(plannedEnd);
		if (start == null || end == null || end.isBefore(start)) {
			problems.add("investment.error.dates");
		}
		if (office == null || office.isBlank()) {
			problems.add("investment.error.office");
		}
		return problems;
	}

	FundingSource fundingSource() {
		for (FundingSource candidate : FundingSource.values()) {
			if (candidate.name().equals(source)) {
				return candidate;
			}
		}
		return null;
	}

	BigDecimal budgetAmount() {
		return Amounts.parse(budget);
	}

}
