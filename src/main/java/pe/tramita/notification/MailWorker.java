package pe.tramita.notification;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.certificate.Certificates;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.security.Seals;

/**
 * Sends the outbox. Every node runs it; each takes due messages with {@code FOR UPDATE SKIP LOCKED}, so a message is
 * taken by one node, and leases it while it talks to the server. A message whose node died mid-send is taken again
 * when its lease ends: the only case where the server may get it twice, with the same Message-ID. A refusal for
 * good (5xx) fails at once; anything else is tried again later, after 1, 4, 16... minutes, up to
 * {@value #MAX_ATTEMPTS} attempts; staff may retry a failed message from the case.
 */
@Component
class MailWorker {

	static final int BATCH = 20;

	static final int MAX_ATTEMPTS = 6;

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final MailDelivery delivery;

	private final Certificates certificates;

	private final Documents documents;

	private final Municipalities municipalities;

	private final Seals seals;

	private final Clock clock;

	private final Duration lease;

	private final Duration firstRetry;

	private final InternetAddress from;

	private final MeterRegistry meters;

	MailWorker(JdbcTemplate jdbc, PlatformTransactionManager transactions, MailDelivery delivery,
			Certificates certificates, Documents documents, Municipalities municipalities, Seals seals, Clock clock,
			MeterRegistry meters, @Value("${tramita.mail.lease:PT2M}") Duration lease,
			@Value("${tramita.mail.first-retry:PT1M}") Duration firstRetry,
			@Value("${tramita.mail.from}") String from) throws MessagingException {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.delivery = delivery;
		this.certificates = certificates;
		this.documents = documents;
		this.municipalities = municipalities;
		this.seals = seals;
		this.clock = clock;
		this.meters = meters;
		this.lease = lease;
		this.firstRetry = firstRetry;
		this.from = new InternetAddress(from, true);
	}

	/** A message taken from the outbox, leased to this node. */
	record Outgoing(long id, long expedienteId, String ubigeo, String caseNumber, String recipient, String subject,
			String text, String html, boolean attachReceipt, String certificateCode, List<Long> documentIds,
			byte[] sealedSecret, String messageId, int attempts) {
	}

	/** Set when the application begins to stop: what this node has taken and not sent goes back for the others. */
	private volatile boolean stopping;

	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	@Scheduled(fixedDelayString = "${tramita.mail.poll:PT5S}", initialDelayString = "${tramita.mail.poll:PT5S}")
	void sendDue() {
		while (!stopping && sendBatch() == BATCH) {
			// a backlog (the server was away): keep going until it is sent
		}
	}

	/** Takes and sends up to {@value #BATCH} due messages; answers how many it took. */
	int sendBatch() {
		List<Outgoing> taken = transaction.execute(status -> take());
		for (int i = 0; i < taken.size(); i++) {
			if (stopping) {
				handBack(taken.subList(i, taken.size()));
				break;
			}
			send(taken.get(i));
		}
		return taken.size();
	}

	/** Messages taken but not sent go back to the outbox at once, for another node rather than after the lease. */
	private void handBack(List<Outgoing> unsent) {
		transaction.executeWithoutResult(status -> unsent.forEach(message -> jdbc.update("""
				UPDATE tramita.notification SET status = 'REINTENTANDO', attempts = attempts - 1, leased_until = NULL
				WHERE id = ? AND status = 'ENVIANDO'""", message.id())));
	}

	private List<Outgoing> take() {
		Instant now = clock.instant();
		return jdbc.query("""
				UPDATE tramita.notification SET status = 'ENVIANDO', leased_until = ?, attempts = attempts + 1
				WHERE id IN (SELECT id FROM tramita.notification
				             WHERE status IN ('PENDIENTE', 'REINTENTANDO') AND next_attempt_at <= ?
				                OR status = 'ENVIANDO' AND leased_until < ?
				             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, expediente_id, ubigeo, case_number, recipient, subject, body_text, body_html,
				          attach_receipt, certificate_code, document_ids, sealed_secret, message_id, attempts""",
				(rs, row) -> new Outgoing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
						rs.getString(10), Arrays.asList((Long[]) rs.getArray(11).getArray()), rs.getBytes(12),
						rs.getString(13), rs.getInt(14)),
				Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now), BATCH);
	}

	private void send(Outgoing outgoing) {
		try {
			String reply = delivery.deliver(message(outgoing), outgoing.ubigeo());
			transaction.executeWithoutResult(status -> jdbc.update("""
					UPDATE tramita.notification SET status = 'ENVIADO', sent_at = ?, server_reply = ?, leased_until = NULL,
					    sealed_secret = NULL
					WHERE id = ? AND status = 'ENVIANDO'""", Timestamp.from(clock.instant()), cut(reply), outgoing.id()));
			meters.counter("tramita.notifications.sent", "outcome", "sent").increment();
		}
		catch (MessagingException | RuntimeException e) {
			boolean permanent = refusedForGood(e);
			boolean giveUp = permanent || outgoing.attempts() >= MAX_ATTEMPTS;
			Instant next = clock.instant().plus(firstRetry.multipliedBy(1L << Math.min(2 * (outgoing.attempts() - 1), 20)));
			log.warn("Notification {} of case {} not sent (attempt {}): {}", outgoing.id(), outgoing.caseNumber(),
					outgoing.attempts(), e.toString());
			transaction.executeWithoutResult(status -> jdbc.update("""
					UPDATE tramita.notification SET status = ?, next_attempt_at = ?, server_reply = ?, leased_until = NULL
					WHERE id = ? AND status = 'ENVIANDO'""", giveUp ? "FALLIDO" : "REINTENTANDO", Timestamp.from(next),
					cut(reply(e)), outgoing.id()));
			meters.counter("tramita.notifications.sent", "outcome", giveUp ? "failed" : "retrying").increment();
		}
	}

	private MimeMessage message(Outgoing outgoing) throws MessagingException {
		String messageId = outgoing.messageId();
		MimeMessage message = new MimeMessage(delivery.session()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		String code = outgoing.sealedSecret() == null ? null
				: seals.open(NotificationOutbox.SECRET, outgoing.sealedSecret()).orElse(null);
		MimeMessageHelper helper = new MultipartMail(message);
		try {
			helper.setFrom(new InternetAddress(from.getAddress(), municipalities.get(outgoing.ubigeo()).name(), "UTF-8"));
		}
		catch (UnsupportedEncodingException e) {
			helper.setFrom(from);
		}
		helper.setTo(outgoing.recipient());
		helper.setSubject(outgoing.subject());
		helper.setText(withCode(outgoing.text(), code), withCode(outgoing.html(), code));
		message.setHeader("X-Tramita-Expediente", outgoing.caseNumber());
		if (outgoing.attachReceipt() && code != null) {
			certificates.filingReceipt(outgoing.caseNumber(), code)
				.ifPresent(pdf -> attach(helper, "cargo-recepcion-" + outgoing.caseNumber() + ".pdf", pdf,
						"application/pdf"));
		}
		if (outgoing.certificateCode() != null) {
			certificates.pdf(outgoing.certificateCode())
				.ifPresent(pdf -> attach(helper, pdf.number() + ".pdf", pdf.content(), "application/pdf"));
		}
		for (long documentId : outgoing.documentIds()) {
			documents.load(documentId, outgoing.expedienteId(), outgoing.ubigeo())
				.ifPresent(file -> attach(helper, file.document().fileName(), file.content(),
						file.document().contentType()));
		}
		message.setSentDate(Date.from(clock.instant()));
		message.saveChanges();
		return message;
	}

	private static String withCode(String body, String code) {
		return body.replace(CitizenMessages.CODE_PLACEHOLDER, code == null ? "—" : code);
	}

	private static void attach(MimeMessageHelper helper, String name, byte[] content, String type) {
		try {
			helper.addAttachment(name, new ByteArrayResource(content), type);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Cannot attach " + name, e);
		}
	}

	/** The server refused for good (5xx): the address does not exist, the message is not accepted. */
	private static boolean refusedForGood(Throwable e) {
		for (Throwable cause = e; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500
					|| cause instanceof SMTPSendFailedException refused2 && refused2.getReturnCode() >= 500) {
				return true;
			}
		}
		return false;
	}

	private static String reply(Throwable e) {
		StringBuilder reply = new StringBuilder();
		for (Throwable cause = e; cause != null && reply.length() < 1000; cause = next(cause)) {
			if (cause.getMessage() != null && reply.indexOf(cause.getMessage().strip()) < 0) {
				reply.append(reply.isEmpty() ? "" : " | ").append(cause.getMessage().strip());
			}
		}
		return reply.isEmpty() ? e.getClass().getSimpleName() : reply.toString();
	}

	private static Throwable next(Throwable e) {
		if (e instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != e) {
			return messaging.getNextException();
		}
		return e.getCause() == e ? null : e.getCause();
	}

	private static String cut(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
