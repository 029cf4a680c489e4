package pe.tramita.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server: keeps every message as it was sent (MIME) so staff can read what citizens receive, with
 * its attachments. Read back by parsing the MIME, as a mail client would.
 */
@Component
class MailSink {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MailSink(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void keep(String ubigeo, MimeMessage message) throws MessagingException {
		ByteArrayOutputStream mime = new ByteArrayOutputStream();
		try {
			message.writeTo(mime);
		}
		catch (IOException e) {
			throw new MessagingException("Cannot write the message", e);
		}
		jdbc.update("""
				INSERT INTO tramita.mail_sink (ubigeo, recipient, subject, message_id, mime, received_at)
				VALUES (?, ?, ?, ?, ?, ?)""", ubigeo, message.getAllRecipients()[0].toString(), message.getSubject(),
				message.getMessageID(), mime.toByteArray(), Timestamp.from(clock.instant()));
	}

	record Entry(long id, String recipient, String subject, Instant receivedAt) {
	}

	/** The latest messages of these municipalities, newest first. */
	List<Entry> latest(Collection<String> ubigeos, int limit) {
		if (ubigeos.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT id, recipient, subject, received_at FROM tramita.mail_sink WHERE ubigeo = ANY (?)
				ORDER BY id DESC LIMIT ?""",
				(rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()),
				ubigeos.toArray(String[]::new), limit);
	}

	record Attachment(String name, String contentType, byte[] content) {
	}

	record Message(Entry entry, String from, String text, String html, List<Attachment> attachments) {
	}

	/** One message, if it belongs to one of these municipalities. */
	Optional<Message> read(long id, Collection<String> ubigeos) {
		return jdbc.query("""
				SELECT id, recipient, subject, received_at, mime FROM tramita.mail_sink WHERE id = ? AND ubigeo = ANY (?)""",
				(rs, row) -> parse(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()), rs.getBytes(5)),
				id, ubigeos.toArray(String[]::new)).stream().findFirst();
	}

	private static Message parse(Entry entry, byte[] mime) {
		try {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
			Parts parts = new Parts();
			parts.walk(message);
			return new Message(entry, MimeUtility.decodeText(message.getHeader("From", ",")), parts.text, parts.html,
					parts.attachments);
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Message " + entry.id() + " in the sink is not readable MIME", e);
		}
	}

	/** The text, the HTML and the attachments of a message, wherever its multiparts put them. */
	private static final class Parts {

		String text;

		String html;

		final List<Attachment> attachments = new ArrayList<>();

		void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					walk(child);
				}
			}
			else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
				attachments.add(new Attachment(MimeUtility.decodeText(part.getFileName()),
						part.getContentType().split(";")[0], part.getInputStream().readAllBytes()));
			}
			else if (part.isMimeType("text/plain") && text == null) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && html == null) {
				html = (String) part.getContent();
			}
		}

	}

}
