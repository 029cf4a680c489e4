package pe.tramita.portal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import pe.tramita.municipality.Municipalities;
import pe.tramita.payment.PaymentOrders;

/** What the filing receipt and the status page show of a case's fee (fragments/payment-order). */
@Component
class PaymentPanel {

	private final PaymentOrders orders;

	private final Municipalities municipalities;

	PaymentPanel(PaymentOrders orders, Municipalities municipalities) {
		this.orders = orders;
		this.municipalities = municipalities;
	}

	void show(Model model, String caseNumber, String ubigeo) {
		model.addAttribute("paymentOrder", orders.forCaseNumber(caseNumber).orElse(null));
		model.addAttribute("paymentBanks", orders.banks());
		model.addAttribute("paymentService", municipalities.publicService(ubigeo));
	}

}
