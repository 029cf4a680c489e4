package pe.tramita.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Amounts and dates as the project pages send them; null when they do not read. */
final class Amounts {

	private static final BigDecimal MOST = new BigDecimal("999999999999.99");

	private Amounts() {
	}

	/** Soles above zero with at most two decimals, thousands separated by commas or not (1,250.50 or 1250.5). */
	static BigDecimal parse(String text) {
		if (text == null || !text.strip().matches("\\d{1,3}(,\\d{3})*(\\.\\d{1,2})?|\\d+(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
		return amount.signum() > 0 && amount.compareTo(MOST) <= 0 ? amount.setScale(2) : null;
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			return date.getYear() >= 2000 && date.getYear() <= 2100 ? date : null;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
