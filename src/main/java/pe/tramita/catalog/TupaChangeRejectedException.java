package pe.tramita.catalog;

/** A TUPA value outside the law or badly written; the message key says which. */
public class TupaChangeRejectedException extends RuntimeException {

	private final String messageKey;

	TupaChangeRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
