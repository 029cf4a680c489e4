package pe.tramita.bench;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** The baseline: the same shape of case driven straight through the engine's Java API, nothing else. */
class BareEngineCase implements Load.Worker {

	static final String PROCESS = "bench-three-user-tasks";

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	BareEngineCase(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	@Override
	public void completeOneCase() {
		String instance = runtimeService.createProcessInstanceByKey(PROCESS)
			.processDefinitionWithoutTenantId()
			// what Tramita's filing gives the licence's process: its ids and the application's fields
			.setVariables(Map.of("municipio", "060101", "expedienteId", 1L, "ruc", "20131312955", "businessName",
					"Bodega Doña Juana E.I.R.L.", "tradeName", "Bodega Doña Juana", "address", "Jr. Del Comercio 456",
					"activity", "Venta de abarrotes", "areaM2", "35.75", "riskLevel", "BAJO"))
			.execute()
			.getId();
		runtimeService.createMessageCorrelation("pagoConfirmado").processInstanceId(instance).correlate();
		step(instance, "mesa-de-partes", Map.of("requisitosCompletos", true));
		step(instance, "licencias", Map.of("nivelRiesgo", "BAJO"));
		step(instance, "gerencia", Map.of("aprobado", true, "fundamento", "Cumple los requisitos del TUPA."));
	}

	/** As a clerk would: find the office's task of this case, claim it, complete it. */
	private void step(String instance, String office, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup(office).singleResult();
		taskService.claim(task.getId(), "bench");
		taskService.complete(task.getId(), variables);
	}

}
