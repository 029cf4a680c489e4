package pe.tramita.text;

/** A SUNAT RUC: 11 digits, a known taxpayer prefix, and a valid check digit (modulo 11). */
public final class Ruc {

	private static final int[] WEIGHTS = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

	private Ruc() {
	}

	public static boolean isValid(String ruc) {
		if (ruc == null || !ruc.matches("(10|15|16|17|20)\\d{9}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (ruc.charAt(i) - '0') * WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return check % 10 == ruc.charAt(10) - '0';
	}

}
