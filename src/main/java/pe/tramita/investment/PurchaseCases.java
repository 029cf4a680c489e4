package pe.tramita.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;

/**
 * What the minor purchases (contratación menor) tied to projects have reached, read from the engine's history of
 * their cases, never copied: the quoted amount, the day the budget was certified (a certification granted), the
 * purchase order issued, the delivery found conforming (the last review) and the supplier paid; and the steps each
 * open case waits at. Three queries for any number of cases.
 */
@Component
class PurchaseCases {

	static final String PROCEDURE = "contratacion-menor";

	private final HistoryService historyService;

	private final TaskService taskService;

	PurchaseCases(HistoryService historyService, TaskService taskService) {
		this.historyService = historyService;
		this.taskService = taskService;
	}

	/** A case's figures; dates null until reached. */
	record Figures(String description, BigDecimal amount, LocalDate certifiedOn, LocalDate committedOn, LocalDate conformityOn,
			LocalDate paidOn, List<String> nextSteps) {
	}

	Map<String, Figures> of(Collection<String> caseNumbers) {
		if (caseNumbers.isEmpty()) {
			return Map.of();
		}
		String[] keys = caseNumbers.toArray(String[]::new);
		Map<String, String> caseOfInstance = new HashMap<>();
		for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyIn(keys).list()) {
			caseOfInstance.put(instance.getId(), instance.getBusinessKey());
		}
		if (caseOfInstance.isEmpty()) {
			return Map.of();
		}
		String[] instances = caseOfInstance.keySet().toArray(String[]::new);
		Map<String, Map<String, Object>> variables = new HashMap<>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances).variableNameIn("descripcion", "montoCotizado", "certificado", "conforme").list()) {
			variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
				.put(variable.getName(), variable.getValue());
		}
		Map<String, Map<String, LocalDate>> ended = new HashMap<>();
		for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKeyIn(keys)
			.taskDefinitionKeyIn("certifyBudget", "issuePurchaseOrder", "confirmDelivery", "pay")
			.finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
			// the last round counts (a delivery reviewed again after a correction)
			ended.computeIfAbsent(task.getProcessInstanceId(), id -> new HashMap<>())
				.put(task.getTaskDefinitionKey(), task.getEndTime().toInstant().atZone(TramitaApplication.LIMA).toLocalDate());
		}
		Map<String, List<String>> waiting = new HashMap<>();
		for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances).list()) {
			waiting.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task.getName());
		}
		Map<String, Figures> figures = new HashMap<>();
		caseOfInstance.forEach((instance, caseNumber) -> {
			Map<String, Object> values = variables.getOrDefault(instance, Map.of());
			Map<String, LocalDate> steps = ended.getOrDefault(instance, Map.of());
			Object quoted = values.get("montoCotizado");
			figures.put(caseNumber, new Figures((String) values.get("descripcion"),
					quoted instanceof Number n ? new BigDecimal(n.toString()).setScale(2) : null,
					Boolean.TRUE.equals(values.get("certificado")) ? steps.get("certifyBudget") : null,
					steps.get("issuePurchaseOrder"),
					Boolean.TRUE.equals(values.get("conforme")) ? steps.get("confirmDelivery") : null, steps.get("pay"),
					waiting.getOrDefault(instance, List.of())));
		});
		return figures;
	}

}
