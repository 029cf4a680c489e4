package pe.tramita.payment;

/** A payment that cannot be recorded; {@code reason} is the message key that tells the cashier why. */
public class PaymentRefusedException extends RuntimeException {

	private final String reason;

	private final transient Object[] arguments;

	PaymentRefusedException(String reason, Object... arguments) {
		super(reason);
		this.reason = reason;
		this.arguments = arguments;
	}

	public String reason() {
		return reason;
	}

	public Object[] arguments() {
		return arguments;
	}

}
