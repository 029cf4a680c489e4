package pe.tramita.request;

/** DNI: 8 digits. Carné de extranjería: 9 digits. */
public enum IdentityDocumentType {

	DNI("\\d{8}"), CE("\\d{9}");

	private final String pattern;

	IdentityDocumentType(String pattern) {
		this.pattern = pattern;
	}

	public boolean accepts(String number) {
		return number != null && number.matches(pattern);
	}

}
