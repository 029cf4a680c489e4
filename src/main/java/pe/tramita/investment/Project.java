package pe.tramita.investment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An investment project with the procurements that spend on it and its figures: budgeted, certified (budget
 * certifications issued), committed (purchase orders or contracts), paid, and the share of the budget paid.
 */
public record Project(long id, String ubigeo, String code, String name, FundingSource source, BigDecimal budget,
		int year, LocalDate plannedStart, LocalDate plannedEnd, String responsibleOffice, String originCaseNumber,
		Integer priorityRank, List<Procurement> procurements) {

	private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

	public enum Status {

		/** Nothing certified yet. */
		SIN_INICIAR,
		/** Something certified, not every procurement paid. */
		EN_EJECUCION,
		/** Every procurement paid. */
		PAGADO

	}

	public BigDecimal certified() {
		return procurements.stream().map(Procurement::certified).reduce(NONE, BigDecimal::add);
	}

	public BigDecimal committed() {
		return procurements.stream().map(Procurement::committed).reduce(NONE, BigDecimal::add);
	}

	public BigDecimal paid() {
		return procurements.stream().map(Procurement::paid).reduce(NONE, BigDecimal::add);
	}

	/** Paid over budgeted, 0 to 1 (four decimals). */
	public BigDecimal executed() {
		return paid().divide(budget, 4, RoundingMode.HALF_UP);
	}

	public Status status() {
		if (procurements.stream().noneMatch(p -> p.certifiedOn() != null)) {
			return Status.SIN_INICIAR;
		}
		return procurements.stream().allMatch(p -> p.paidOn() != null) ? Status.PAGADO : Status.EN_EJECUCION;
	}

	/** Calendar days past the planned end: until today while unpaid, until the last payment once paid; 0 if on time. */
	public long daysLate(LocalDate today) {
		LocalDate until = status() == Status.PAGADO ? procurements.stream().map(Procurement::paidOn)
			.max(LocalDate::compareTo).orElse(today) : today;
		return Math.max(0, ChronoUnit.DAYS.between(plannedEnd, until));
	}

}
