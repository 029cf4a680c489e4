package pe.tramita.certificate;

/** A revocation or re-issue the officer must correct; the message key names what is wrong. */
public class CertificateChangeRejectedException extends RuntimeException {

	private final String messageKey;

	CertificateChangeRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
