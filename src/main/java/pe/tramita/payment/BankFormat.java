package pe.tramita.payment;

/**
 * The layout of one bank's daily collection file, as its specification gives it ({@code tramita.payments.bank-formats}
 * in application.yml). {@code layout} CSV: fields are column numbers from 1, split by {@code delimiter}; FIXED: fields
 * are character ranges {@code first-last} from 1. The first {@code skipLines} lines are headers; with a
 * {@code detailPrefix}, only lines that start with it are payments (the rest: header and trailer records). Amounts
 * carry a decimal point, or {@code impliedDecimals} digits of céntimos with none.
 */
public record BankFormat(String id, String name, Layout layout, String delimiter, Integer skipLines,
		String detailPrefix, String code, String amount, String paidOn, String operation, String datePattern,
		Integer impliedDecimals) {

	public enum Layout {

		CSV, FIXED

	}

	int linesToSkip() {
		return skipLines == null ? 0 : skipLines;
	}

	int decimals() {
		return impliedDecimals == null ? 0 : impliedDecimals;
	}

}
