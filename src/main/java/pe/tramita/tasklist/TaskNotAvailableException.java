package pe.tramita.tasklist;

import pe.tramita.web.NotFoundException;

/** The task does not exist, is done, or belongs to another municipality or office: all look alike to the clerk. */
public class TaskNotAvailableException extends NotFoundException {

	public TaskNotAvailableException(String taskId) {
		super("Task not available: " + taskId);
	}

}
