package pe.tramita.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a collection file line by line in its bank's layout. A line it cannot read is kept with the reason (message
 * key {@code bank.reason.<problem>}), never dropped: the cashier sees every line the bank sent.
 */
final class BankFileReader {

	/** One payment line as the bank wrote it; {@code problem} is null when every field could be read. */
	record Line(int number, String raw, String code, BigDecimal amount, LocalDate paidOn, String operation,
			String problem) {
	}

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

	private BankFileReader() {
	}

	static List<Line> read(BankFormat format, String content) {
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(format.datePattern().replace("y", "u"))
			.withResolverStyle(ResolverStyle.STRICT);
		List<Line> lines = new ArrayList<>();
		String[] raw = content.split("\r?\n", -1);
		for (int i = format.linesToSkip(); i < raw.length; i++) {
			String text = raw[i];
			if (text.isBlank() || format.detailPrefix() != null && !text.startsWith(format.detailPrefix())) {
				continue;
			}
			lines.add(line(format, dates, i + 1, text));
		}
		return lines;
	}

	private static Line line(BankFormat format, DateTimeFormatter dates, int number, String text) {
		String[] columns = format.layout() == BankFormat.Layout.CSV ? text.split(Pattern.quote(format.delimiter()), -1)
				: null;
		String code = field(format, columns, text, format.code());
		String amountText = field(format, columns, text, format.amount());
		String dateText = field(format, columns, text, format.paidOn());
		String operation = field(format, columns, text, format.operation());
		if (code == null || amountText == null || dateText == null || operation == null || operation.isEmpty()) {
			return new Line(number, text, code, null, null, operation, "fields");
		}
		BigDecimal amount = amount(amountText, format.decimals());
		if (amount == null || amount.signum() <= 0) {
			return new Line(number, text, code, null, null, operation, "amount");
		}
		LocalDate paidOn;
		try {
			paidOn = LocalDate.parse(dateText, dates);
		}
		catch (DateTimeParseException e) {
			return new Line(number, text, code, amount, null, operation, "date");
		}
		if (PaymentCode.read(code).isEmpty()) {
			return new Line(number, text, code, amount, paidOn, operation, "mistyped");
		}
		return new Line(number, text, PaymentCode.read(code).get(), amount, paidOn, operation, null);
	}

	/** The field's text, stripped; null when the line is too short for it. */
	private static String field(BankFormat format, String[] columns, String text, String where) {
		if (columns != null) {
			int column = Integer.parseInt(where);
			return column >= 1 && column <= columns.length ? columns[column - 1].strip().replaceAll("^\"|\"$", "") : null;
		}
		String[] range = where.split("-");
		int first = Integer.parseInt(range[0]);
		int last = Integer.parseInt(range[1]);
		return first >= 1 && last >= first && last <= text.length() ? text.substring(first - 1, last).strip() : null;
	}

	private static BigDecimal amount(String text, int impliedDecimals) {
		String plain = text.replace(",", "");
		if (impliedDecimals > 0 && plain.matches("\\d{1,12}")) {
			return new BigDecimal(plain).movePointLeft(impliedDecimals);
		}
		return AMOUNT.matcher(plain).matches() ? new BigDecimal(plain) : null;
	}

}
