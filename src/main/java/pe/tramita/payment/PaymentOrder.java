package pe.tramita.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's payment order as pages and other modules read it; {@code payment} is null until it is paid. Status, from
 * the payment and the voiding on record: PENDIENTE (awaiting payment), PAGADA, ANULADA (the filing was treated as not
 * submitted, unpaid in its term).
 */
public record PaymentOrder(long id, String code, String ubigeo, long expedienteId, String caseNumber,
		String procedureKey, String applicantName, String documentNumber, BigDecimal amount, Instant issuedAt,
		LocalDate payBy, String status, Payment payment) {

	/** How a payment was made: {@code channel} CAJA (the cashier) or BANCO (a bank's collection file). */
	public record Payment(String channel, String receiptNumber, BigDecimal amount, LocalDate paidOn, String recordedBy,
			Instant recordedAt) {
	}

	public boolean pending() {
		return status.equals("PENDIENTE");
	}

	public boolean paid() {
		return status.equals("PAGADA");
	}

	public boolean voided() {
		return status.equals("ANULADA");
	}

	/** The code in groups, as printed and read aloud. */
	public String groupedCode() {
		return PaymentCode.grouped(code);
	}

}
