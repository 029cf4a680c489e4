package pe.tramita.payment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.Documents;

/**
 * Imports a bank's daily collection file for one municipality: each line is matched to its order by the payment code
 * and confirms it (CONCILIADA), or is listed for the cashier with the reason — no such order here, the order cannot
 * take it (voided, another amount, paid after its last day) (SIN_ORDEN), a line or operation already recorded
 * (DUPLICADA), a line that cannot be read or a code whose check digit fails (ILEGIBLE). The same file imported again
 * changes nothing: the first import answers. One transaction: a file is imported whole or not at all.
 */
@Service
public class BankFileImports {

	/** A day's file of a municipality is a few thousand lines at most. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_RAW = 400;

	/** Why an order did not take a bank's line, as the line's list says it (the cashier's words name the amounts). */
	private static final Map<String, String> BANK_REASONS = Map.of("payment.refused.paid", "bank.reason.alreadyPaid",
			"payment.refused.receiptUsed", "bank.reason.operationRecorded", "payment.refused.voided",
			"bank.reason.voided", "payment.refused.amount", "bank.reason.amountDiffers", "payment.refused.late",
			"bank.reason.late", "payment.refused.date", "bank.reason.dateOutOfRange", "payment.refused.receipt",
			"bank.reason.operation");

	/** The outcome: the import's id, and whether that file had been imported already (and so nothing changed). */
	public record Result(long fileId, boolean alreadyImported) {
	}

	/** An imported file as the cashier's list shows it, with its lines' counts by outcome. */
	public record ImportedFile(long id, String ubigeo, String formatId, String fileName, String importedBy,
			Instant importedAt, int matched, int unmatched, int duplicated, int unreadable) {
	}

	/** One line of an imported file, as the bank wrote it, with its outcome and the reason's message key. */
	public record ImportedLine(int lineNumber, String raw, String outcome, String reason, String orderCode,
			java.math.BigDecimal amount, String operation) {
	}

	private final JdbcTemplate jdbc;

	private final BankFormats formats;

	private final PaymentOrders orders;

	private final Payments payments;

	private final LegalClock clock;

	BankFileImports(JdbcTemplate jdbc, BankFormats formats, PaymentOrders orders, Payments payments,
			LegalClock clock) {
		this.jdbc = jdbc;
		this.formats = formats;
		this.orders = orders;
		this.payments = payments;
		this.clock = clock;
	}

	/** Refused before anything is read: {@code reason} is the message key that tells the cashier why. */
	public static class FileRefusedException extends RuntimeException {

		private final String reason;

		FileRefusedException(String reason) {
			super(reason);
			this.reason = reason;
		}

		public String reason() {
			return reason;
		}

	}

	@Transactional
	public Result importFile(String ubigeo, String formatId, String fileName, byte[] content, String actor) {
		BankFormat format = formats.find(formatId == null ? "" : formatId)
			.orElseThrow(() -> new FileRefusedException("bank.error.format"));
		if (content.length == 0) {
			throw new FileRefusedException("bank.error.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new FileRefusedException("bank.error.size");
		}
		String text = decode(content).orElseThrow(() -> new FileRefusedException("bank.error.binary"));
		String sha256 = Documents.sha256(content);
		// serialises imports of one municipality: the same file sent twice at once is imported once
		jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('bank_file' || ?))", ubigeo);
		Optional<Long> earlier = jdbc.queryForList("SELECT id FROM tramita.bank_file WHERE ubigeo = ? AND sha256 = ?",
				Long.class, ubigeo, sha256).stream().findFirst();
		if (earlier.isPresent()) {
			return new Result(earlier.get(), true);
		}
		List<BankFileReader.Line> lines = BankFileReader.read(format, text);
		if (lines.isEmpty()) {
			throw new FileRefusedException("bank.error.noLines");
		}
		Instant now = clock.instant();
		long fileId = new SimpleJdbcInsert(jdbc).withSchemaName("tramita").withTableName("bank_file")
			.usingGeneratedKeyColumns("id")
			.usingColumns("ubigeo", "format_id", "file_name", "sha256", "imported_by", "imported_at")
			.executeAndReturnKey(Map.of("ubigeo", ubigeo, "format_id", format.id(), "file_name",
					clip(fileName == null || fileName.isBlank() ? "archivo" : fileName.strip(), 200), "sha256", sha256,
					"imported_by", actor, "imported_at", Timestamp.from(now)))
			.longValue();
		Set<String> operations = new HashSet<>();
		int matched = 0;
		for (BankFileReader.Line line : lines) {
			String[] outcome = outcome(ubigeo, line, operations, fileId, actor);
			matched += outcome[0].equals("CONCILIADA") ? 1 : 0;
			jdbc.update("""
					INSERT INTO tramita.bank_file_line (bank_file_id, line_number, raw, outcome, reason, order_code,
					    amount, operation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", fileId, line.number(),
					clip(line.raw(), MAX_RAW), outcome[0], outcome[1], clip(line.code(), 40), line.amount(),
					clip(line.operation(), 40));
		}
		payments.audit(ubigeo, null, "IMPORTADO", "archivo " + fileId + " (" + format.id() + "), " + lines.size()
				+ " líneas, " + matched + " conciliadas", actor);
		return new Result(fileId, false);
	}

	/** {outcome, reason key} of one line; a matched line settles its order here. */
	private String[] outcome(String ubigeo, BankFileReader.Line line, Set<String> operations, long fileId,
			String actor) {
		if (line.problem() != null) {
			return new String[] { "ILEGIBLE", "bank.reason." + line.problem() };
		}
		if (!operations.add(line.operation())) {
			return new String[] { "DUPLICADA", "bank.reason.repeatedLine" };
		}
		Optional<PaymentOrder> order = orders.byCode(ubigeo, line.code());
		if (order.isEmpty()) {
			return new String[] { "SIN_ORDEN", "bank.reason.noOrder" };
		}
		try {
			payments.settle(order.get(), Payments.Channel.BANCO,
					new Payments.Entry(line.operation(), line.amount(), line.paidOn()), fileId, actor);
			return new String[] { "CONCILIADA", "bank.reason.matched" };
		}
		catch (PaymentRefusedException refused) {
			String reason = BANK_REASONS.get(refused.reason());
			boolean duplicate = reason.equals("bank.reason.alreadyPaid") || reason.equals("bank.reason.operationRecorded");
			return new String[] { duplicate ? "DUPLICADA" : "SIN_ORDEN", reason };
		}
	}

	@Transactional(readOnly = true)
	public List<ImportedFile> recent(String ubigeo) {
		return files("f.ubigeo = ?", ubigeo);
	}

	/** An import of the municipality; another municipality's is as absent as one that never was. */
	@Transactional(readOnly = true)
	public Optional<ImportedFile> find(String ubigeo, long fileId) {
		return files("f.ubigeo = ? AND f.id = ?", ubigeo, fileId).stream().findFirst();
	}

	private List<ImportedFile> files(String where, Object... arguments) {
		return jdbc.query("""
				SELECT f.id, f.ubigeo, f.format_id, f.file_name, f.imported_by, f.imported_at,
				    count(*) FILTER (WHERE l.outcome = 'CONCILIADA'), count(*) FILTER (WHERE l.outcome = 'SIN_ORDEN'),
				    count(*) FILTER (WHERE l.outcome = 'DUPLICADA'), count(*) FILTER (WHERE l.outcome = 'ILEGIBLE')
				FROM tramita.bank_file f LEFT JOIN tramita.bank_file_line l ON l.bank_file_id = f.id
				WHERE """ + " " + where + " GROUP BY f.id ORDER BY f.imported_at DESC LIMIT 60",
				(row, n) -> new ImportedFile(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getTimestamp(6).toInstant(), row.getInt(7), row.getInt(8),
						row.getInt(9), row.getInt(10)),
				arguments);
	}

	@Transactional(readOnly = true)
	public List<ImportedLine> lines(long fileId) {
		return jdbc.query("""
				SELECT line_number, raw, outcome, reason, order_code, amount, operation FROM tramita.bank_file_line
				WHERE bank_file_id = ? ORDER BY outcome = 'CONCILIADA', line_number""",
				(row, n) -> new ImportedLine(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getBigDecimal(6), row.getString(7)),
				fileId);
	}

	/** UTF-8, or Latin-1 (many banks' systems still write it); a file with NUL or other control bytes is no text. */
	private static Optional<String> decode(byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			text = new String(content, StandardCharsets.ISO_8859_1);
		}
		text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? Optional.empty()
				: Optional.of(text);
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
