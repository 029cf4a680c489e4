package pe.tramita.investment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The municipality's investment execution as its accounts give it (SIAF), one line per month with the amounts
 * accumulated at its end: {@code mes;presupuesto;certificado;comprometido;pagado}. Separated by semicolons; amounts
 * in soles (1234.50 or 1,234.50); a first line naming the columns is skipped, blank lines too. Each month once; what
 * was committed cannot exceed what was certified, nor what was paid what was committed.
 */
final class ExecutionFile {

	static final String HEADER = "mes;presupuesto;certificado;comprometido;pagado";

	/** One month's figures. */
	record Month(int month, BigDecimal budgeted, BigDecimal certified, BigDecimal committed, BigDecimal paid) {
	}

	/** A line's problem: its number (from 1) and the message key that says what is wrong. */
	record Problem(int line, String messageKey) {
	}

	record Result(List<Month> months, List<Problem> problems) {
	}

	private ExecutionFile() {
	}

	static Result read(String file) {
		List<Month> months = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String[] lines = file == null ? new String[0] : file.strip().split("\\R");
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip().replace("\uFEFF", "");
			if (line.isEmpty() || i == 0 && line.toLowerCase().startsWith("mes")) {
				continue;
			}
			String[] columns = line.split(";", -1);
			if (columns.length != 5) {
				problems.add(new Problem(i + 1, "investment.execution.columns"));
				continue;
			}
			Integer month = month(columns[0]);
			BigDecimal[] amounts = new BigDecimal[4];
			boolean read = true;
			for (int c = 0; c < 4; c++) {
				amounts[c] = amount(columns[c + 1]);
				read &= amounts[c] != null;
			}
			if (month == null || !read) {
				problems.add(new Problem(i + 1, "investment.execution.unreadable"));
			}
			else if (!seen.add(month)) {
				problems.add(new Problem(i + 1, "investment.execution.repeated"));
			}
			else if (amounts[2].compareTo(amounts[1]) > 0 || amounts[3].compareTo(amounts[2]) > 0) {
				problems.add(new Problem(i + 1, "investment.execution.order"));
			}
			else {
				months.add(new Month(month, amounts[0], amounts[1], amounts[2], amounts[3]));
			}
		}
		if (months.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "investment.execution.empty"));
		}
		return new Result(months, problems);
	}

	private static Integer month(String text) {
		String clean = text.strip();
		if (!clean.matches("\\d{1,2}")) {
			return null;
		}
		int month = Integer.parseInt(clean);
		return month >= 1 && month <= 12 ? month : null;
	}

	/** Zero or more soles, to the céntimo; null otherwise. */
	private static BigDecimal amount(String text) {
		String clean = text.strip();
		if (clean.matches("0+(\\.0{1,2})?")) {
			return BigDecimal.ZERO.setScale(2);
		}
		return Amounts.parse(clean);
	}

}
