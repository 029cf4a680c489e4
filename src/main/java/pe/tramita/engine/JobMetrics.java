package pe.tramita.engine;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.springframework.stereotype.Component;

/**
 * The job executor, for Prometheus: on this node, jobs acquired, executed and failed (counters); in the whole
 * installation, jobs due and not taken, jobs out of retries, and open incidents (gauges, read when scraped).
 */
@Component
class JobMetrics extends AbstractProcessEnginePlugin {

	private final Counter acquired;

	private final Counter executed;

	private final Counter failed;

	private final MeterRegistry registry;

	JobMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.acquired = Counter.builder("tramita.jobs.acquired").description("Jobs this node's job executor took")
			.register(registry);
		this.executed = Counter.builder("tramita.jobs.executed").tag("outcome", "success")
			.description("Jobs this node ran").register(registry);
		this.failed = Counter.builder("tramita.jobs.executed").tag("outcome", "failure")
			.description("Jobs this node ran").register(registry);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
		if (interceptors == null) {
			interceptors = new ArrayList<>();
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}
		interceptors.add(new Counting());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		Gauge.builder("tramita.jobs.due", engine, e -> e.getManagementService().createJobQuery().executable().count())
			.description("Jobs due, with retries left, in the whole installation").register(registry);
		Gauge.builder("tramita.jobs.without.retries", engine,
				e -> e.getManagementService().createJobQuery().noRetriesLeft().count())
			.description("Jobs that failed and will not be retried, in the whole installation").register(registry);
		Gauge.builder("tramita.incidents.open", engine, e -> e.getRuntimeService().createIncidentQuery().count())
			.description("Open incidents (Cockpit shows them), in the whole installation").register(registry);
	}

	/** Counts the job executor's commands as they pass; a job that throws rolls back and counts as failed. */
	private class Counting extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof ExecuteJobsCmd) {
				try {
					T result = next.execute(command);
					executed.increment();
					return result;
				}
				catch (RuntimeException e) {
					failed.increment();
					throw e;
				}
			}
			T result = next.execute(command);
			if (command instanceof AcquireJobsCmd && result instanceof AcquiredJobs jobs) {
				acquired.increment(jobs.size());
			}
			return result;
		}

	}

}
