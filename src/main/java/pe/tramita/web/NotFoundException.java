package pe.tramita.web;

/** Whatever was asked for does not exist, or is not the visitor's to see: both answer 404 alike. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
