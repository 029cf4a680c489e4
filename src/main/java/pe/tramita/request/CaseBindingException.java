package pe.tramita.request;

/**
 * A process asked to act on a case it was not started for: the step fails (an incident when a job runs it) and
 * nothing is done to any case.
 */
public class CaseBindingException extends IllegalStateException {

	CaseBindingException(String message) {
		super(message);
	}

}
