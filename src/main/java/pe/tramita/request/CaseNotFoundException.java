package pe.tramita.request;

/** No case with that number and access code; deliberately silent about which of the two was wrong. */
public class CaseNotFoundException extends RuntimeException {

	public CaseNotFoundException() {
		super("No case with that number and access code");
	}

}
