package pe.tramita.text;

/** Characters no one types into a form (a NUL, an escape, a bell…); tabs and line breaks are text. */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	public static boolean isControl(int c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F;
	}

	public static boolean anyIn(String text) {
		return text != null && text.chars().anyMatch(ControlCharacters::isControl);
	}

}
