package pe.tramita.municipality;

/**
 * Where and when a municipality attends the public, as its management publishes it: the address of its counter, its
 * hours, a phone and an e-mail. Any of them may be missing; none at all means nothing is published.
 */
public record PublicService(String address, String hours, String phone, String email) {

	public static final PublicService NONE = new PublicService(null, null, null, null);

	public boolean isEmpty() {
		return blank(address) && blank(hours) && blank(phone) && blank(email);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
