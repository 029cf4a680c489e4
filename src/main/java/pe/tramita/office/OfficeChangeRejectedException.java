package pe.tramita.office;

/** An administrator's change to an office that cannot be made; the message key says why. */
class OfficeChangeRejectedException extends RuntimeException {

	private final String messageKey;

	OfficeChangeRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}

}
