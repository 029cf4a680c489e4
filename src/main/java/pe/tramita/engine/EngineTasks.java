package pe.tramita.engine;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * One task by its id, read by primary key. {@code createTaskQuery().taskId(id)} gives the same task through the
 * engine's general task query, whose dynamic SQL MyBatis assembles from some hundred OGNL conditions on every call: 5 %
 * of Tramita's CPU under load went there (issue 20's profile), for the task each page and action starts from. Who may
 * see the task is for the caller to check, as it was with the query.
 */
@Component
public class EngineTasks {

	private final CommandExecutor commands;

	EngineTasks(ProcessEngine engine) {
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
	}

	public Optional<Task> find(String taskId) {
		return Optional.ofNullable(commands.execute(context -> context.getTaskManager().findTaskById(taskId)));
	}

}
