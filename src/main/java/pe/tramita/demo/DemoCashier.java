package pe.tramita.demo;

import pe.tramita.calendar.LegalClock;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.payment.Payments;

/** The demo's citizens pay their fee at the municipality's cashier when they file, as most do. */
class DemoCashier {

	private final PaymentOrders orders;

	private final Payments payments;

	private final LegalClock clock;

	private int receipts;

	DemoCashier(PaymentOrders orders, Payments payments, LegalClock clock) {
		this.orders = orders;
		this.payments = payments;
		this.clock = clock;
	}

	/** Pays the case's fee, if it has one, at the cashier of the municipality whose staff ids end in {@code staff}. */
	void pay(String caseNumber, String staff) {
		orders.forCaseNumber(caseNumber).filter(order -> order.pending()).ifPresent(order -> payments.recordAtCashier(
				order.ubigeo(), order.code(), new Payments.Entry("B001-%06d".formatted(++receipts), order.amount(),
						clock.today()), "tesoreria." + staff));
	}

}
