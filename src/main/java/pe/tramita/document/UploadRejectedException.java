package pe.tramita.document;

/** An upload that cannot be accepted; {@code messageKey} explains why in the bundles. */
public class UploadRejectedException extends RuntimeException {

	private final String messageKey;

	private final String fileName;

	public UploadRejectedException(String messageKey, String fileName) {
		super(messageKey + ": " + fileName);
		this.messageKey = messageKey;
		this.fileName = fileName;
	}

	public String messageKey() {
		return messageKey;
	}

	public String fileName() {
		return fileName;
	}

}
