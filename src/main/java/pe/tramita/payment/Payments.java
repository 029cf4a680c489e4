package pe.tramita.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Expedientes;
import pe.tramita.text.VisibleText;
import pe.tramita.web.Formats;

/**
 * Records payments: the one that settles an order, at the cashier or from a bank's file. An order is paid once (the
 * row is locked while it is checked, and the database allows one payment per order); the amount must be the
 * order's, the day no later than its last day to pay and not in the future. Every attempt is audited, the refused
 * ones too, with the reason.
 */
@Service
public class Payments {

	/** How a payment came in. */
	public enum Channel {

		CAJA, BANCO

	}

	/** What the cashier types: the receipt's number, the amount received and the day. */
	public record Entry(String receiptNumber, BigDecimal amount, LocalDate paidOn) {
	}

	static final int RECEIPT_MAX = 40;

	private final JdbcTemplate jdbc;

	private final PaymentOrders orders;

	private final Expedientes expedientes;

	private final LegalClock clock;

	private final Formats formats;

	Payments(JdbcTemplate jdbc, PaymentOrders orders, Expedientes expedientes, LegalClock clock, Formats formats) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.expedientes = expedientes;
		this.clock = clock;
		this.formats = formats;
	}

	/**
	 * A payment at the municipality's cashier; refused with the reason when it does not settle the order. A refusal
	 * changes nothing but the audit, which commits with it.
	 */
	@Transactional(noRollbackFor = PaymentRefusedException.class)
	public PaymentOrder recordAtCashier(String ubigeo, String code, Entry entry, String cashier) {
		return recordAtCashier(ubigeo, code, Channel.CAJA, entry, cashier);
	}

	/**
	 * The same, for a payment the citizen made elsewhere and proves at the counter ({@code BANCO}: the bank's voucher,
	 * its operation number as the receipt), so the bank's file later finds that operation recorded, not a second one.
	 */
	@Transactional(noRollbackFor = PaymentRefusedException.class)
	public PaymentOrder recordAtCashier(String ubigeo, String code, Channel channel, Entry entry, String cashier) {
		try {
			if (PaymentCode.read(code).isEmpty()) {
				throw new PaymentRefusedException("payment.refused.mistyped");
			}
			PaymentOrder order = orders.byCode(ubigeo, code)
				.orElseThrow(() -> new PaymentRefusedException("payment.refused.noOrder"));
			settle(order, channel, entry, null, cashier);
			return orders.forCase(order.expedienteId()).orElseThrow();
		}
		catch (PaymentRefusedException refused) {
			audit(ubigeo, orders.byCode(ubigeo, code).map(PaymentOrder::id).orElse(null), "RECHAZADO",
					channel + " " + describe(code, entry) + ": " + refused.reason(), cashier);
			throw refused;
		}
	}

	/** Settles the order, or says why not; the bank's file and the cashier both come here, in their transaction. */
	void settle(PaymentOrder found, Channel channel, Entry entry, Long bankFileId, String actor) {
		String receipt = entry.receiptNumber() == null ? "" : entry.receiptNumber().strip();
		if (receipt.isEmpty() || receipt.length() > RECEIPT_MAX || !VisibleText.Validator.isVisible(receipt)) {
			throw new PaymentRefusedException("payment.refused.receipt");
		}
		// locked: a second cashier, or a bank file imported at the same moment, waits here and then finds it paid
		jdbc.queryForList("SELECT id FROM tramita.payment_order WHERE id = ? FOR UPDATE", found.id());
		PaymentOrder order = orders.forCase(found.expedienteId()).orElseThrow();
		// first: the same receipt again is one payment recorded twice (a voucher, then the bank's file), not a second
		Integer sameReceipt = jdbc.queryForObject("""
				SELECT count(*) FROM tramita.payment WHERE ubigeo = ? AND channel = ? AND receipt_number = ?""",
				Integer.class, order.ubigeo(), channel.name(), receipt);
		if (sameReceipt != null && sameReceipt > 0) {
			throw new PaymentRefusedException("payment.refused.receiptUsed", receipt);
		}
		if (order.paid()) {
			throw new PaymentRefusedException("payment.refused.paid", order.payment().receiptNumber(),
					formats.date(order.payment().paidOn()));
		}
		if (order.voided()) {
			throw new PaymentRefusedException("payment.refused.voided", formats.date(order.payBy()));
		}
		if (entry.amount() == null || entry.amount().compareTo(order.amount()) != 0) {
			throw new PaymentRefusedException("payment.refused.amount", formats.money(entry.amount()),
					formats.money(order.amount()));
		}
		LocalDate today = clock.today();
		if (entry.paidOn() == null || entry.paidOn().isAfter(today) || entry.paidOn().isBefore(
				order.issuedAt().atZone(TramitaApplication.LIMA).toLocalDate())) {
			throw new PaymentRefusedException("payment.refused.date", formats.date(entry.paidOn()));
		}
		if (entry.paidOn().isAfter(order.payBy())) {
			throw new PaymentRefusedException("payment.refused.late", formats.date(order.payBy()));
		}
		Instant now = clock.instant();
		jdbc.update("""
				INSERT INTO tramita.payment (order_id, ubigeo, channel, receipt_number, amount, paid_on, bank_file_id,
				    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", order.id(), order.ubigeo(),
				channel.name(), receipt, entry.amount(), Date.valueOf(entry.paidOn()), bankFileId, actor,
				Timestamp.from(now));
		audit(order.ubigeo(), order.id(), "PAGADO", channel + " " + describe(order.code(), entry), actor);
		expedientes.feePaid(order.expedienteId(), receipt + " (" + channel.name().toLowerCase() + ")", actor);
	}

	void audit(String ubigeo, Long orderId, String action, String detail, String actor) {
		jdbc.update("INSERT INTO tramita.payment_audit (ubigeo, order_id, action, detail, actor, at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", ubigeo, orderId, action,
				detail.length() > 400 ? detail.substring(0, 400) : detail, actor, Timestamp.from(clock.instant()));
	}

	private String describe(String code, Entry entry) {
		return "orden " + Optional.ofNullable(code).orElse("") + ", recibo " + entry.receiptNumber() + ", "
				+ formats.money(entry.amount()) + ", " + formats.date(entry.paidOn());
	}

}
