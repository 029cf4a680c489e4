package pe.tramita.notification;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.certificate.Certificates;
import pe.tramita.certificate.DocumentIssued;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.request.CaseEventKind;
import pe.tramita.request.CaseNotice;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.Seals;

/**
 * Writes the message an event of a case calls for into the outbox, inside the transaction that made the event: the
 * message exists exactly when the change does. Plain (not transactional) listeners, so they run in that transaction.
 * A decision issued with a document carries it: the document's own message, written a moment earlier in the same
 * transaction, is folded into the decision's.
 */
@Component
class NotificationOutbox {

	static final String DOCUMENT = "DOCUMENTO_EMITIDO";

	static final String REPLACEMENT = "DOCUMENTO_REEMPLAZO";

	static final String SECRET = "notification-secret";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Expedientes expedientes;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final Documents documents;

	private final CitizenMessages messages;

	private final MessageSource bundles;

	private final Seals seals;

	private final Certificates certificates;

	private final PaymentOrders payments;

	private final Clock clock;

	private final String publicUrl;

	NotificationOutbox(JdbcTemplate jdbc, Expedientes expedientes, Municipalities municipalities,
			ProcedureCatalog catalog, Documents documents, CitizenMessages messages, MessageSource bundles, Seals seals,
			Certificates certificates, PaymentOrders payments, Clock clock,
			@Value("${tramita.public-url}") String publicUrl) {
		this.payments = payments;
		this.jdbc = jdbc;
		this.expedientes = expedientes;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.documents = documents;
		this.messages = messages;
		this.bundles = bundles;
		this.seals = seals;
		this.certificates = certificates;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** What the outbox row holds besides the text: the files to attach when sending and a sealed access code. */
	private record Carried(boolean receipt, String certificateCode, List<Long> documentIds, String accessCode) {
	}

	@EventListener
	void on(CaseNotice notice) {
		ExpedienteView expediente = expedientes.find(notice.expedienteId()).orElseThrow();
		if (expediente.applicantEmail() == null) {
			return; // an internal procedure: the office follows it in the task list
		}
		String issuedDocument = isOutcome(notice.kind()) ? foldIssuedDocument(notice.expedienteId()) : null;
		Carried carried = new Carried(notice.kind() == CaseEventKind.PRESENTADO, issuedDocument, notice.documentIds(),
				notice.accessCode());
		enqueue(expediente, notice.kind().name(), notice.detail(), notice.dueDate(), carried);
	}

	@EventListener
	void on(DocumentIssued issued) {
		ExpedienteView expediente = expedientes.find(issued.expedienteId()).orElseThrow();
		if (expediente.applicantEmail() == null) {
			return;
		}
		enqueue(expediente, issued.replacement() ? REPLACEMENT : DOCUMENT, issued.number(), null,
				new Carried(false, issued.verificationCode(), List.of(), null));
	}

	private static boolean isOutcome(CaseEventKind kind) {
		return Arrays.stream(ExpedienteStatus.values())
			.anyMatch(status -> status.concluded() && status.name().equals(kind.name()));
	}

	/** The document issued in this transaction, not sent yet: its message goes, the decision's carries it. */
	private String foldIssuedDocument(long expedienteId) {
		List<String> pending = jdbc.queryForList("""
				DELETE FROM tramita.notification WHERE expediente_id = ? AND kind = ? AND status = 'PENDIENTE'
				RETURNING certificate_code""", String.class, expedienteId, DOCUMENT);
		return pending.isEmpty() ? null : pending.get(pending.size() - 1);
	}

	private void enqueue(ExpedienteView expediente, String kind, String detail, LocalDate date, Carried carried) {
		Locale locale = Locale.forLanguageTag(expediente.language());
		String token = newToken();
		boolean legalNotice = expediente.emailNotificationAccepted() && CitizenMessages.ACTS.contains(kind);
		CitizenMessages.Composed composed = messages.compose(new CitizenMessages.Facts(expediente,
				municipalities.get(expediente.ubigeo()), catalog.find(expediente.procedureKey()).orElse(null), kind,
				detail, date, carried.accessCode() != null, attachments(expediente, carried, locale),
				publicUrl + "/notificacion/" + token, legalNotice,
				kind.equals("PRESENTADO") ? payments.forCase(expediente.id()).orElse(null) : null));
		var now = Timestamp.from(clock.instant());
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("""
					INSERT INTO tramita.notification (expediente_id, ubigeo, case_number, kind, recipient, language,
					    legal_notice, subject, body_text, body_html, attach_receipt, certificate_code, document_ids,
					    sealed_secret, status, next_attempt_at, message_id, created_at, receipt_token_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDIENTE', ?, ?, ?, ?)""");
			Array ids = connection.createArrayOf("bigint", carried.documentIds().toArray());
			insert.setLong(1, expediente.id());
			insert.setString(2, expediente.ubigeo());
			insert.setString(3, expediente.caseNumber());
			insert.setString(4, kind);
			insert.setString(5, expediente.applicantEmail());
			insert.setString(6, expediente.language());
			insert.setBoolean(7, legalNotice);
			insert.setString(8, composed.subject());
			insert.setString(9, composed.text());
			insert.setString(10, composed.html());
			insert.setBoolean(11, carried.receipt());
			insert.setString(12, carried.certificateCode());
			insert.setArray(13, ids);
			insert.setBytes(14, carried.accessCode() == null ? null : seals.seal(SECRET, carried.accessCode()));
			insert.setTimestamp(15, now);
			insert.setString(16, "<" + UUID.randomUUID() + "@tramita>");
			insert.setTimestamp(17, now);
			insert.setString(18, Notifications.hashToken(token));
			return insert;
		});
	}

	/** The files the message says it carries, in the citizen's words. */
	private List<String> attachments(ExpedienteView expediente, Carried carried, Locale locale) {
		List<String> described = new ArrayList<>();
		if (carried.receipt()) {
			described.add(bundles.getMessage("mail.attachment.receipt", null, locale));
		}
		if (carried.certificateCode() != null) {
			certificates.findByCode(carried.certificateCode())
				.ifPresent(document -> described.add(bundles.getMessage("mail.attachment.document", new Object[] {
						bundles.getMessage("documentKind." + document.documentType().name(), null, locale),
						document.number() }, locale)));
		}
		if (!carried.documentIds().isEmpty()) {
			documents.listFor(expediente.id()).stream()
				.filter(document -> carried.documentIds().contains(document.id()))
				.map(DocumentView::fileName)
				.forEach(described::add);
		}
		return described;
	}

	private static String newToken() {
		byte[] token = new byte[24];
		random.nextBytes(token);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

}
