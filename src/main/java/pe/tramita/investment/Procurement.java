package pe.tramita.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One procurement that spends on a project: a minor purchase run in Tramita ({@code caseNumber}; its figures read
 * from the case) or one run in the national procurement system ({@code externalReference}; figures as recorded).
 * {@code amount} is the quoted or contracted amount; each date is null until that stage is reached.
 * {@code nextSteps}: the steps the case waits at, with the office that does them.
 */
public record Procurement(long id, String caseNumber, String externalReference, String description, BigDecimal amount,
		LocalDate certifiedOn, LocalDate committedOn, LocalDate conformityOn, LocalDate paidOn, List<String> nextSteps) {

	private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

	public String reference() {
		return caseNumber != null ? caseNumber : externalReference;
	}

	BigDecimal certified() {
		return certifiedOn == null || amount == null ? NONE : amount;
	}

	BigDecimal committed() {
		return committedOn == null || amount == null ? NONE : amount;
	}

	BigDecimal paid() {
		return paidOn == null || amount == null ? NONE : amount;
	}

}
