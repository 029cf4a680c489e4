package pe.tramita.modeling;

import java.util.List;

/** An advisor's request on a model that cannot be done: why, as a message key with its arguments. */
public class ModelRejectedException extends RuntimeException {

	private final List<Object> arguments;

	public ModelRejectedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return getMessage();
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
