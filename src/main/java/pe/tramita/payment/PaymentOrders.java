package pe.tramita.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.catalog.Tupa;
import pe.tramita.request.CaseEventKind;
import pe.tramita.request.CaseNotice;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;

/**
 * Payment orders: one for each filing whose procedure has a fee in its municipality's TUPA that year (a fee-free
 * procedure, or one the municipality set at S/ 0.00, needs none), issued in the filing's transaction, before the
 * citizen's receipt and message are written, so both carry it; voided when the filing is treated as not submitted.
 */
@Service
public class PaymentOrders {

	static final String COLUMNS = """
			o.id, o.code, o.ubigeo, o.expediente_id, o.case_number, o.procedure_key, o.applicant_name,
			o.document_number, o.amount, o.issued_at, o.pay_by, o.voided_at, p.channel, p.receipt_number,
			p.amount AS paid_amount, p.paid_on, p.recorded_by, p.recorded_at""";

	static final String FROM = " FROM tramita.payment_order o LEFT JOIN tramita.payment p ON p.order_id = o.id ";

	private final JdbcTemplate jdbc;

	private final Tupa tupa;

	private final Expedientes expedientes;

	private final ProcessDeadlines deadlines;

	private final BankFormats banks;

	PaymentOrders(JdbcTemplate jdbc, Tupa tupa, Expedientes expedientes, ProcessDeadlines deadlines,
			BankFormats banks) {
		this.banks = banks;
		this.jdbc = jdbc;
		this.tupa = tupa;
		this.expedientes = expedientes;
		this.deadlines = deadlines;
	}

	/** First of the filing's listeners: the notification written after it names the order. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(CaseNotice notice) {
		if (notice.kind() == CaseEventKind.PRESENTADO) {
			issue(notice);
		}
		else if (notice.kind() == CaseEventKind.NO_PRESENTADO) {
			jdbc.update("""
					UPDATE tramita.payment_order o SET voided_at = ? WHERE expediente_id = ? AND voided_at IS NULL
					    AND NOT EXISTS (SELECT 1 FROM tramita.payment p WHERE p.order_id = o.id)""",
					Timestamp.from(notice.at()), notice.expedienteId());
		}
	}

	private void issue(CaseNotice notice) {
		int year = notice.at().atZone(TramitaApplication.LIMA).getYear();
		Optional<Tupa.Entry> entry = tupa.find(notice.ubigeo(), notice.procedureKey(), year);
		if (entry.isEmpty() || entry.get().procedure().feeSoles().signum() <= 0) {
			return;
		}
		ExpedienteView expediente = expedientes.find(notice.expedienteId()).orElseThrow();
		Tupa.Entry fee = entry.get();
		jdbc.update("""
				INSERT INTO tramita.payment_order (code, ubigeo, expediente_id, case_number, procedure_key,
				    applicant_name, document_number, amount, issued_at, pay_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", PaymentCode.of(notice.caseNumber()),
				notice.ubigeo(), notice.expedienteId(), notice.caseNumber(), notice.procedureKey(),
				expediente.applicantName(), expediente.applicantDocumentNumber(), fee.procedure().feeSoles(),
				Timestamp.from(notice.at()), deadlines.lastDayToCorrect(notice.ubigeo()));
	}

	@Transactional(readOnly = true)
	public Optional<PaymentOrder> forCase(long expedienteId) {
		return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE o.expediente_id = ?", PaymentOrders::read, expedienteId)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<PaymentOrder> forCaseNumber(String caseNumber) {
		return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE o.case_number = ?", PaymentOrders::read, caseNumber)
			.stream()
			.findFirst();
	}

	/** The banks whose agencies take the fees (those whose collection files Tramita reads), for "where to pay". */
	public List<String> banks() {
		return banks.all().stream().map(BankFormat::name).distinct().toList();
	}

	/** The municipality's order with that code (typed with spaces or dashes), if the code is a well-formed one. */
	@Transactional(readOnly = true)
	public Optional<PaymentOrder> byCode(String ubigeo, String typed) {
		return PaymentCode.read(typed)
			.flatMap(code -> jdbc.query("SELECT " + COLUMNS + FROM + "WHERE o.code = ? AND o.ubigeo = ?",
					PaymentOrders::read, code, ubigeo).stream().findFirst());
	}

	/** What a cashier finds by payment code, case number or the applicant's DNI/CE/RUC, newest first. */
	@Transactional(readOnly = true)
	public List<PaymentOrder> search(String ubigeo, String query) {
		String typed = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
		if (typed.isEmpty() || typed.length() > 40) {
			return List.of();
		}
		Optional<String> code = PaymentCode.read(typed);
		return jdbc.query("SELECT " + COLUMNS + FROM + """
				WHERE o.ubigeo = ? AND (o.code = ? OR o.case_number = ? OR o.document_number = ?)
				ORDER BY o.issued_at DESC LIMIT 50""", PaymentOrders::read, ubigeo, code.orElse(""), typed, typed);
	}

	static PaymentOrder read(ResultSet row, int n) throws SQLException {
		String channel = row.getString("channel");
		PaymentOrder.Payment payment = channel == null ? null
				: new PaymentOrder.Payment(channel, row.getString("receipt_number"), row.getBigDecimal("paid_amount"),
						row.getDate("paid_on").toLocalDate(), row.getString("recorded_by"),
						row.getTimestamp("recorded_at").toInstant());
		String status = channel != null ? "PAGADA" : row.getTimestamp("voided_at") != null ? "ANULADA" : "PENDIENTE";
		return new PaymentOrder(row.getLong("id"), row.getString("code"), row.getString("ubigeo"),
				row.getLong("expediente_id"), row.getString("case_number"), row.getString("procedure_key"),
				row.getString("applicant_name"), row.getString("document_number"), row.getBigDecimal("amount"),
				row.getTimestamp("issued_at").toInstant(), row.getDate("pay_by").toLocalDate(), status, payment);
	}

}
