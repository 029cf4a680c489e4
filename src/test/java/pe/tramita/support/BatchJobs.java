package pe.tramita.support;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** What the job executor does for a Camunda batch (it is off in tests): its seed, work and monitor jobs. */
@Component
public class BatchJobs {

	private final ManagementService managementService;

	BatchJobs(ManagementService managementService) {
		this.managementService = managementService;
	}

	/** Runs the batch's jobs round after round until {@code finished} says so (at most 20 rounds). */
	public void run(String batchId, BooleanSupplier finished) {
		Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
		List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getMonitorJobDefinitionId());
		for (int round = 0; round < 20 && !finished.getAsBoolean(); round++) {
			for (Job job : managementService.createJobQuery().list()) {
				if (job.getJobDefinitionId() != null && definitions.contains(job.getJobDefinitionId())) {
					managementService.executeJob(job.getId());
				}
			}
		}
	}

}
