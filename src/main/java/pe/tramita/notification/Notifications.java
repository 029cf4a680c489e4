package pe.tramita.notification;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.document.Documents;
import pe.tramita.request.TimelineEntry;

/**
 * What other modules ask of the notifications: a case's messages and their fate, a retry, and the citizen's
 * acknowledgment of receipt — by the link in the message, or by reading the case once it was sent. With the citizen's
 * consent, the acknowledgment is when the act counts as notified (TUO Ley 27444, art. 20.4: the e-mail notification
 * is valid once the entity has the reply of receipt; it takes effect on the day it is recorded as received).
 */
@Service
public class Notifications {

	/** How the citizen acknowledged: the link in the message, or reading the case after it was sent. */
	static final String BY_LINK = "ENLACE";

	static final String BY_READING = "CONSULTA";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Notifications(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<NotificationView> forCase(long expedienteId) {
		return jdbc.query("""
				SELECT id, kind, recipient, subject, status, attempts, server_reply, created_at, next_attempt_at, sent_at,
				       received_at, received_by, legal_notice
				FROM tramita.notification WHERE expediente_id = ? ORDER BY id""", Notifications::view, expedienteId);
	}

	/** Sends again a message that failed or waits for its next try, now; answers whether there was one to retry. */
	@Transactional
	public boolean retry(long expedienteId, long notificationId) {
		return jdbc.update("""
				UPDATE tramita.notification SET status = 'REINTENTANDO', attempts = 0, next_attempt_at = ?
				WHERE id = ? AND expediente_id = ? AND status IN ('FALLIDO', 'REINTENTANDO')""",
				Timestamp.from(clock.instant()), notificationId, expedienteId) == 1;
	}

	/** The message a receipt link names, for the page that asks the citizen to confirm. */
	public record Receipt(String caseNumber, String subject, Instant sentAt, Instant receivedAt) {
	}

	@Transactional(readOnly = true)
	public Optional<Receipt> receipt(String token) {
		return jdbc.query("""
				SELECT case_number, subject, sent_at, received_at FROM tramita.notification
				WHERE receipt_token_hash = ? AND status = 'ENVIADO'""",
				(rs, row) -> new Receipt(rs.getString("case_number"), rs.getString("subject"), instant(rs, "sent_at"),
						instant(rs, "received_at")),
				hashToken(token)).stream().findFirst();
	}

	/** The citizen confirms receipt through the message's link; the first confirmation counts. */
	@Transactional
	public Optional<Receipt> confirmReceipt(String token) {
		jdbc.update("""
				UPDATE tramita.notification SET received_at = ?, received_by = ?
				WHERE receipt_token_hash = ? AND status = 'ENVIADO' AND received_at IS NULL""",
				Timestamp.from(clock.instant()), BY_LINK, hashToken(token));
		return receipt(token);
	}

	/** The citizen read their case: what was sent to them by then counts as received. */
	@Transactional
	public void caseReadByCitizen(long expedienteId) {
		jdbc.update("""
				UPDATE tramita.notification SET received_at = ?, received_by = ?
				WHERE expediente_id = ? AND status = 'ENVIADO' AND received_at IS NULL""",
				Timestamp.from(clock.instant()), BY_READING, expedienteId);
	}

	/** The case's timeline lines of its legal notifications: when each was sent and when it was received. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long expedienteId) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (NotificationView sent : forCase(expedienteId)) {
			if (!sent.legalNotice() || sent.sentAt() == null) {
				continue;
			}
			entries.add(new TimelineEntry(sent.sentAt(), "timeline.notification.sent", sent.subject(), null, null));
			if (sent.receivedAt() != null) {
				entries.add(new TimelineEntry(sent.receivedAt(), "timeline.notification.received." + sent.receivedBy(),
						sent.subject(), null, null));
			}
		}
		return entries;
	}

	static String hashToken(String token) {
		return Documents.sha256((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
	}

	private static NotificationView view(ResultSet rs, int row) throws SQLException {
		return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("subject"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getString("server_reply"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
				instant(rs, "sent_at"), instant(rs, "received_at"), rs.getString("received_by"),
				rs.getBoolean("legal_notice"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
