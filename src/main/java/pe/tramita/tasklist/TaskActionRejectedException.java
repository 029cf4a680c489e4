package pe.tramita.tasklist;

import java.util.List;

/** A task action the clerk may not take, or took with bad input: nothing was changed; the key explains why. */
public class TaskActionRejectedException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public TaskActionRejectedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
