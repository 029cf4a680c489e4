package pe.tramita.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a case costs the citizen, by the Standard Cost Model (OECD / SCM Network): the hours they spend (filling in,
 * each visit to the municipality, getting each document) valued at an hourly value, plus what they pay (the fee, each
 * document's fee, each trip), per case and per year at the measured volume; beside it, the days they wait (legal term
 * and measured median). The neutral hourly value is the minimum wage over the legal working month: RMV S/ 1,130
 * (D.S. 006-2024-TR, from 2025; 2026's not confirmed) ÷ 208 h (48 h a week × 52 ÷ 12) = S/ 5.43; the advisor may state
 * another.
 */
public record CitizenBurden(BigDecimal hours, BigDecimal timeValue, BigDecimal outOfPocket, BigDecimal perCase,
		long casesPerYear, BigDecimal perYear) {

	public static final BigDecimal MINIMUM_WAGE = new BigDecimal("1130.00");

	public static final BigDecimal DEFAULT_HOURLY_VALUE = MINIMUM_WAGE.divide(BigDecimal.valueOf(208), 2,
			RoundingMode.HALF_UP);

	/** The citizen's side of a procedure as the advisor describes it. */
	public record Inputs(BigDecimal hourlyValue, BigDecimal formHours, int visits, BigDecimal hoursPerVisit,
			BigDecimal costPerVisit, List<DocumentToObtain> documents) {

		public static Inputs typical() {
			return new Inputs(DEFAULT_HOURLY_VALUE, new BigDecimal("0.5"), 0, new BigDecimal("2"), BigDecimal.ZERO,
					List.of());
		}

	}

	/** A document the citizen must get elsewhere: the hours it takes and what it costs. */
	public record DocumentToObtain(String name, BigDecimal hours, BigDecimal fee) {
	}

	public static CitizenBurden of(Inputs inputs, BigDecimal fee, long casesPerYear) {
		BigDecimal hours = inputs.formHours().add(inputs.hoursPerVisit().multiply(BigDecimal.valueOf(inputs.visits())));
		BigDecimal paid = (fee == null ? BigDecimal.ZERO : fee)
			.add(inputs.costPerVisit().multiply(BigDecimal.valueOf(inputs.visits())));
		for (DocumentToObtain document : inputs.documents()) {
			hours = hours.add(document.hours());
			paid = paid.add(document.fee());
		}
		BigDecimal timeValue = hours.multiply(inputs.hourlyValue()).setScale(2, RoundingMode.HALF_UP);
		BigDecimal outOfPocket = paid.setScale(2, RoundingMode.HALF_UP);
		BigDecimal perCase = timeValue.add(outOfPocket);
		return new CitizenBurden(hours, timeValue, outOfPocket, perCase, casesPerYear,
				perCase.multiply(BigDecimal.valueOf(casesPerYear)));
	}

}
