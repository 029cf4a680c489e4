package pe.tramita.certificate;

/**
 * The kinds of document Tramita issues. Each has its own number series per municipality and year, its title and
 * the legal text printed under it (message keys {@code documentKind.<name>} and {@code certificate.pdf.<name>.*}).
 */
public enum DocumentType {

	LICENCIA_FUNCIONAMIENTO("LF"), LICENCIA_EDIFICACION("LE"), CONSTANCIA("CT"),
	/** The filing receipt (cargo de recepción): rendered on demand with the case's number, never numbered or kept. */
	CARGO_RECEPCION("CR");

	private final String numberPrefix;

	DocumentType(String numberPrefix) {
		this.numberPrefix = numberPrefix;
	}

	String number(int year, int sequence) {
		return "%s-%d-%06d".formatted(numberPrefix, year, sequence);
	}

	String messageKey(String part) {
		return "certificate.pdf." + name() + "." + part;
	}

}
