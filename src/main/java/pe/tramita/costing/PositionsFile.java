package pe.tramita.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import pe.tramita.costing.CostSheet.Position;

/**
 * A municipality's positions as its personnel office exports them: one line per position, its name and its monthly
 * cost (pay + benefits + employer contributions), separated by a semicolon or a tab (or a comma, when the amount has
 * no thousands separator). A first line naming the columns is skipped; blank lines too.
 */
final class PositionsFile {

	static final int MAX_LINES = 500;

	/** A line's problem: its number (from 1), and the message key that says what is wrong. */
	record Problem(int line, String messageKey, String text) {
	}

	record Result(List<Position> positions, List<Problem> problems) {
	}

	private PositionsFile() {
	}

	static Result read(String file) {
		List<Position> positions = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String[] lines = file == null ? new String[0] : file.split("\\R");
		if (lines.length > MAX_LINES) {
			return new Result(List.of(), List.of(new Problem(MAX_LINES + 1, "costing.positions.tooMany", "")));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] columns = split(line);
			if (columns.length != 2 || columns[0].isBlank()) {
				if (i == 0 && line.toLowerCase().contains("cargo")) {
					continue;
				}
				problems.add(new Problem(i + 1, "costing.positions.columns", line));
				continue;
			}
			String name = columns[0].strip();
			BigDecimal cost = amount(columns[1]);
			if (cost == null) {
				if (i == 0 && name.toLowerCase().contains("cargo")) {
					continue;
				}
				problems.add(new Problem(i + 1, "costing.positions.amount", line));
			}
			else if (name.length() > 120) {
				problems.add(new Problem(i + 1, "costing.positions.name", line));
			}
			else if (!seen.add(name)) {
				problems.add(new Problem(i + 1, "costing.positions.repeated", line));
			}
			else {
				positions.add(new Position(name, cost));
			}
		}
		if (positions.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "costing.positions.empty", ""));
		}
		return new Result(positions, problems);
	}

	private static String[] split(String line) {
		if (line.contains(";")) {
			return line.split(";", -1);
		}
		if (line.contains("\t")) {
			return line.split("\t", -1);
		}
		int comma = line.lastIndexOf(',');
		return comma < 0 ? new String[] { line } : new String[] { line.substring(0, comma), line.substring(comma + 1) };
	}

	/** A positive amount of soles, to the céntimo (2160, 2,160.00, S/ 2160.5); null otherwise. */
	static BigDecimal amount(String text) {
		String clean = text.strip().replaceFirst("^S/\\.?\\s*", "").replace(",", "");
		if (!clean.matches("\\d{1,9}(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal amount = new BigDecimal(clean);
		return amount.signum() > 0 ? amount.setScale(2) : null;
	}

}
