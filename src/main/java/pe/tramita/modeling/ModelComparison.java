package pe.tramita.modeling;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.springframework.stereotype.Service;

import pe.tramita.analytics.CycleTimes;
import pe.tramita.analytics.CycleTimes.Measures;
import pe.tramita.catalog.ModelShape;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;

/**
 * Two versions of a procedure side by side: which elements one has and the other not, which changed (name, office,
 * form, due date, condition, timer), and the simplification sheet — steps, hand-offs between offices, fields the
 * staff fill, timers, the TUPA's documents and term, and the cycle times measured on each version.
 */
@Service
public class ModelComparison {

	/** One version's figures for the simplification sheet; {@code measured} is null without finished cases. */
	public record Sheet(ProcessDefinition definition, int steps, int handOffs, int staffFields, int timers,
			Measures measured) {
	}

	/** The comparison: element ids added in the second, removed from the first, changed in both. */
	public record Comparison(Procedure procedure, Sheet before, Sheet after, List<String> added, List<String> removed,
			List<String> changed, Map<String, String> names) {
	}

	private final RepositoryService repositoryService;

	private final ProcedureCatalog catalog;

	private final CycleTimes cycleTimes;

	ModelComparison(RepositoryService repositoryService, ProcedureCatalog catalog, CycleTimes cycleTimes) {
		this.repositoryService = repositoryService;
		this.catalog = catalog;
		this.cycleTimes = cycleTimes;
	}

	public Comparison compare(String beforeId, String afterId, LocalDate today) {
		ProcessDefinition before = definition(beforeId);
		ProcessDefinition after = definition(afterId);
		if (!before.getKey().equals(after.getKey())) {
			throw new ModelRejectedException("model.migration.error.versions");
		}
		Procedure procedure = catalog.findByProcessKey(before.getKey()).orElseThrow(() -> new ModelRejectedException("model.error.version"));
		BpmnModelInstance a = repositoryService.getBpmnModelInstance(beforeId);
		BpmnModelInstance b = repositoryService.getBpmnModelInstance(afterId);
		Map<String, String> first = signatures(a);
		Map<String, String> second = signatures(b);
		Map<String, String> names = new LinkedHashMap<>();
		names.putAll(names(a));
		names.putAll(names(b));
		List<String> added = second.keySet().stream().filter(id -> !first.containsKey(id)).sorted().toList();
		List<String> removed = first.keySet().stream().filter(id -> !second.containsKey(id)).sorted().toList();
		List<String> changed = first.keySet().stream()
			.filter(id -> second.containsKey(id) && !first.get(id).equals(second.get(id)))
			.sorted().toList();
		Map<Integer, Measures> measured = cycleTimes.cases(new CycleTimes.Scope(today.minusYears(1), today, null, null,
				procedure.key()), "version").stream()
			.collect(Collectors.toMap(m -> Integer.valueOf(m.label().substring(m.label().lastIndexOf('v') + 1)), m -> m));
		return new Comparison(procedure, sheet(before, a, measured), sheet(after, b, measured), added, removed, changed,
				names);
	}

	private static Sheet sheet(ProcessDefinition definition, BpmnModelInstance model, Map<Integer, Measures> measured) {
		List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
		int fields = tasks.stream().mapToInt(t -> fields(t).size()).sum();
		return new Sheet(definition, tasks.size(), ModelShape.handOffs(tasks), fields,
				model.getModelElementsByType(TimerEventDefinition.class).size(),
				definition.getTenantId() == null ? measured.get(definition.getVersion()) : null);
	}

	/** What an advisor would call the element's content, flattened to compare two versions. */
	private static Map<String, String> signatures(BpmnModelInstance model) {
		Map<String, String> signatures = new LinkedHashMap<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			StringBuilder signature = new StringBuilder(element.getElementType().getTypeName()).append('|')
				.append(element.getName());
			if (element instanceof UserTask task) {
				signature.append('|').append(task.getCamundaCandidateGroups()).append('|').append(task.getCamundaDueDate());
				for (CamundaFormField field : fields(task)) {
					signature.append('|').append(field.getCamundaId()).append(':').append(field.getCamundaType());
				}
			}
			if (element instanceof SequenceFlow flow) {
				ConditionExpression condition = flow.getConditionExpression();
				signature.append('|').append(flow.getSource().getId()).append('>').append(flow.getTarget().getId())
					.append('|').append(condition == null ? "" : condition.getTextContent());
			}
			element.getChildElementsByType(EventDefinition.class)
				.forEach(definition -> signature.append('|').append(definition.getTextContent().strip()));
			signatures.put(element.getId(), signature.toString());
		}
		return signatures;
	}

	private static List<CamundaFormField> fields(UserTask task) {
		return task.getExtensionElements() == null ? List.of()
				: task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
					.flatMap(form -> form.getCamundaFormFields().stream())
					.toList();
	}

	private static Map<String, String> names(BpmnModelInstance model) {
		Map<String, String> names = new LinkedHashMap<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			names.put(element.getId(), element.getName() == null || element.getName().isBlank() ? element.getId()
					: element.getName());
		}
		return names;
	}

	private ProcessDefinition definition(String id) {
		ProcessDefinition definition = id == null ? null
				: repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null) {
			throw new ModelRejectedException("model.error.version");
		}
		return definition;
	}

}
