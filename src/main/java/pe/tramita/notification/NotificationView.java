package pe.tramita.notification;

import java.time.Instant;

/**
 * A message to the citizen as staff see it on the case: what it told, to whom, and its fate. {@code legalNotice}: the
 * citizen authorised e-mail notification, so once received it is the notification of the act.
 */
public record NotificationView(long id, String kind, String recipient, String subject, NotificationStatus status,
		int attempts, String serverReply, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant receivedAt,
		String receivedBy, boolean legalNotice) {

	public boolean retryable() {
		return status == NotificationStatus.FALLIDO || status == NotificationStatus.REINTENTANDO;
	}

}
