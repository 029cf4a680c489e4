package pe.tramita.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A multipart UTF-8 message. Spring's helper reads its MIME types file again for every message it is given (about
 * 1 % of the CPU under load, issue 20's profile); the file is read once here. Attachments name their type anyway.
 */
final class MultipartMail extends MimeMessageHelper {

	private static final ConfigurableMimeFileTypeMap TYPES = new ConfigurableMimeFileTypeMap();

	static {
		TYPES.afterPropertiesSet();
	}

	MultipartMail(MimeMessage message) throws MessagingException {
		super(message, true, "UTF-8");
	}

	@Override
	protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
		return TYPES;
	}

}
