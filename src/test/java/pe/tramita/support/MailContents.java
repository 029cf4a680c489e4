package pe.tramita.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A received message taken apart as a mail client would: its plain text, its HTML and its attachments by name. */
public final class MailContents {

	public final String text;

	public final String html;

	public final Map<String, byte[]> attachments;

	private String foundText;

	private String foundHtml;

	private final Map<String, byte[]> found = new LinkedHashMap<>();

	private MailContents(MimeMessage message) {
		try {
			walk(message);
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Unreadable message", e);
		}
		this.text = foundText;
		this.html = foundHtml;
		this.attachments = found;
	}

	public static MailContents of(MimeMessage message) {
		return new MailContents(message);
	}

	private void walk(Part part) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child);
			}
		}
		else if (part.getFileName() != null) {
			found.put(part.getFileName(), part.getInputStream().readAllBytes());
		}
		else if (part.isMimeType("text/plain") && foundText == null) {
			foundText = (String) part.getContent();
		}
		else if (part.isMimeType("text/html") && foundHtml == null) {
			foundHtml = (String) part.getContent();
		}
	}

}
