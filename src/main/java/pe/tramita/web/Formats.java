package pe.tramita.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;

/** House formats for pages: dates dd/MM/yyyy in Lima time, money as S/ 1,234.50 ({@code ${@fmt...}} in templates). */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(TramitaApplication.LIMA));
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(TramitaApplication.LIMA));
	}

	public String money(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
		return "S/ " + format.format(amount);
	}

	/** A measure with {@code digits} decimals (point as separator), or a dash when there is none. */
	public String decimal(Double value, int digits) {
		return value == null || value.isNaN() ? "—" : String.format(Locale.US, "%,." + digits + "f", value);
	}

	/** A share (0 to 1) as a percentage with one decimal. */
	public String percent(double share) {
		return String.format(Locale.US, "%.1f %%", share * 100);
	}

	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return (bytes / 1024) + " KB";
		}
		return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
