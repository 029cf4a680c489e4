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

	/** The case has a fee still unpaid: the model waits for the payment before anything else. */
	public boolean awaited(DelegateExecution execution) {
		return expedientes.boundCase(execution)
			.flatMap(expediente -> orders.forCase(expediente.id()))
			.filter(PaymentOrder::pending)
			.isPresent();
	}

}
