package pe.tramita.calendar;

/** A calendar change the administrator must correct; the message key says what is wrong. */
public class CalendarChangeRejectedException extends RuntimeException {

	private final String messageKey;

	CalendarChangeRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
