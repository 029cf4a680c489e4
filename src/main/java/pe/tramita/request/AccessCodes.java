package pe.tramita.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import pe.tramita.document.Documents;

/**
 * The citizen's key to a case: 12 characters (about 59 bits) from an alphabet without look-alikes, shown as
 * {@code ABCD-EFGH-JKLM}. Only a salted hash is stored.
 */
final class AccessCodes {

	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private AccessCodes() {
	}

	static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String hash(String caseNumber, String code) {
		String canonical = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return Documents.sha256((caseNumber + ":" + canonical).getBytes(StandardCharsets.UTF_8));
	}

	static boolean matches(String caseNumber, String code, String storedHash) {
		return MessageDigest.isEqual(hash(caseNumber, code).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
