package pe.tramita.payment;

import java.util.Optional;

/**
 * The code a citizen takes to the cashier or the bank: 15 digits, the case's UBIGEO (6), year (2) and number (6), and
 * a Luhn check digit, so a bank agent's slip of one digit or two swapped digits is caught as mistyped, not matched.
 */
final class PaymentCode {

	static final int LENGTH = 15;

	private PaymentCode() {
	}

	/** The code of a case numbered {@code 060101-2026-000123}. */
	static String of(String caseNumber) {
		String[] parts = caseNumber.split("-");
		String digits = parts[0] + parts[1].substring(2) + parts[2];
		return digits + checkDigit(digits);
	}

	/** The code as typed (spaces, dashes and dots ignored) when it is one; empty when its check digit fails. */
	static Optional<String> read(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String digits = typed.replaceAll("[\\s.-]", "");
		if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		String body = digits.substring(0, LENGTH - 1);
		return digits.charAt(LENGTH - 1) == checkDigit(body) ? Optional.of(digits) : Optional.empty();
	}

	/** Shown in groups for reading aloud at a counter: 060101 26 000123 4. */
	static String grouped(String code) {
		return code.substring(0, 6) + " " + code.substring(6, 8) + " " + code.substring(8, 14) + " " + code.substring(14);
	}

	private static char checkDigit(String digits) {
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

}
