package pe.tramita.tasklist;

/** Someone completed or changed the task a moment before this clerk did: nothing of theirs was saved. */
public class TaskAlreadyDoneException extends RuntimeException {

	public TaskAlreadyDoneException(String taskId) {
		super("Task completed or changed meanwhile: " + taskId);
	}

}
