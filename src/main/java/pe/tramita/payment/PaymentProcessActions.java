package pe.tramita.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.tramita.request.Expedientes;

/**
 * Public because the engine calls it by reflection. What the procedure models may ask of payments
 * ({@code ${pagos...}} in BPMN): always about the case the process instance was started for, never one a variable
 * names.
 */
@Component("pagos")
public class PaymentProcessActions {

	private final Expedientes expedientes;

	private final PaymentOrders orders;

	PaymentProcessActions(Expedientes expedientes, PaymentOrders orders) {
		this.expedientes = expedientes;
		this.orders = orders;
	}

	/**
	 * The case has a fee still unpaid: the model waits for the payment before anything else. A process bound to no case,
	 * or naming another, is refused (the step fails), as by the other beans: it must not skip another case's fee.
	 */
	public boolean awaited(DelegateExecution execution) {
		return orders.forCase(expedientes.caseOf(execution)).filter(PaymentOrder::pending).isPresent();
	}

}
