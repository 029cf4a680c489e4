package pe.tramita.notification;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands a message to the SMTP server Spring Boot's {@code spring.mail.*} settings name (host, port, user, password,
 * STARTTLS), and answers what the server said. With no server set (the demo), the local sink is the server. A copy
 * goes to the sink too where {@code tramita.mail.local-sink} says so (by default: only when there is no SMTP server).
 */
@Component
class MailDelivery {

	static final String LOCAL_SINK_REPLY = "250 buzón local de demostración";

	private final JavaMailSenderImpl smtp;

	private final MailSink sink;

	private final boolean keepCopies;

	private final Session session;

	MailDelivery(ObjectProvider<JavaMailSender> senders, MailSink sink,
			@Value("${tramita.mail.local-sink:#{null}}") Boolean localSink) {
		JavaMailSender sender = senders.getIfAvailable();
		this.smtp = sender instanceof JavaMailSenderImpl impl ? impl : null;
		this.sink = sink;
		this.keepCopies = localSink != null ? localSink : smtp == null;
		this.session = smtp != null ? smtp.getSession() : Session.getInstance(new Properties());
	}

	Session session() {
		return session;
	}

	boolean smtpConfigured() {
		return smtp != null;
	}

	boolean keepsCopies() {
		return keepCopies;
	}

	/** Sends the message; answers the server's reply. A refusal or an unreachable server is thrown. */
	String deliver(MimeMessage message, String ubigeo) throws MessagingException {
		String reply = LOCAL_SINK_REPLY;
		if (smtp != null) {
			try (Transport transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol())) {
				transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
				transport.sendMessage(message, message.getAllRecipients());
				reply = transport instanceof SMTPTransport server ? server.getLastServerResponse() : "250";
			}
		}
		if (keepCopies) {
			sink.keep(ubigeo, message);
		}
		return reply == null ? "250" : reply.strip();
	}

}
