package pe.tramita.tasklist;

public class TaskClaimedByOtherException extends RuntimeException {

	public TaskClaimedByOtherException(String taskId) {
		super("Task claimed by someone else: " + taskId);
	}

}
