package pe.tramita.tasklist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.catalog.ModelTexts;

/**
 * What each step done so far recorded, from the engine's history: the answers of its form (the ITSE result, the risk
 * level, the observation), labelled as its model labels them, with who completed it and when. A step done twice (a
 * review after a correction) appears twice, each round with its own answers.
 */
@Component
class StepAnswers {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	private final MessageSource messages;

	private final ModelTexts texts;

	StepAnswers(HistoryService historyService, RepositoryService repositoryService, MessageSource messages,
			ModelTexts texts) {
		this.texts = texts;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.messages = messages;
	}

	/**
	 * One step done: its key in the model and its name, who completed it (user id) and when, and each answer as label
	 * and shown value.
	 */
	public record StepRecord(String key, String step, String completedBy, Instant completedAt, List<Answer> answers) {
	}

	public record Answer(String label, String value) {
	}

	/** {@code done}: the case's finished steps, as {@code CaseProgress} reads them, in the order they finished. */
	List<StepRecord> of(String processInstanceId, List<HistoricTaskInstance> done) {
		if (processInstanceId == null || done.isEmpty()) {
			return List.of();
		}
		Map<String, List<HistoricVariableUpdate>> updatesByActivity = new HashMap<>();
		for (HistoricDetail detail : historyService.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()) {
			if (detail instanceof HistoricVariableUpdate update && update.getActivityInstanceId() != null) {
				updatesByActivity.computeIfAbsent(update.getActivityInstanceId(), id -> new ArrayList<>()).add(update);
			}
		}
		Map<String, BpmnModelInstance> models = new HashMap<>();
		List<StepRecord> steps = new ArrayList<>();
		for (HistoricTaskInstance task : done) {
			BpmnModelInstance model = models.computeIfAbsent(task.getProcessDefinitionId(),
					repositoryService::getBpmnModelInstance);
			Map<String, String> written = new LinkedHashMap<>();
			for (HistoricVariableUpdate update : updatesByActivity.getOrDefault(task.getActivityInstanceId(), List.of())) {
				written.put(update.getVariableName(), shown(update.getValue()));
			}
			List<Answer> answers = new ArrayList<>();
			// procedures are keyed as their processes are (processes/<key>/<key>.bpmn)
			String procedure = task.getProcessDefinitionKey();
			String step = task.getTaskDefinitionKey();
			for (CamundaFormField field : formFields(model.getModelElementById(step))) {
				// a field left empty says nothing worth a line
				if (written.get(field.getCamundaId()) != null) {
					String value = written.get(field.getCamundaId());
					answers.add(new Answer(texts.label(procedure, step, field.getCamundaId(),
							Objects.requireNonNullElse(field.getCamundaLabel(), field.getCamundaId())),
							texts.value(procedure, field.getCamundaId(), value, optionLabel(field, value))));
				}
			}
			steps.add(new StepRecord(step, texts.step(procedure, step, task.getName()), task.getAssignee(),
					task.getEndTime().toInstant(), answers));
		}
		return steps;
	}

	private static List<CamundaFormField> formFields(UserTask task) {
		if (task == null || task.getExtensionElements() == null) {
			return List.of();
		}
		return task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
			.flatMap(form -> form.getCamundaFormFields().stream())
			.toList();
	}

	private String shown(Object value) {
		if (value instanceof Boolean yes) {
			return messages.getMessage(yes ? "yes" : "no", null, LocaleContextHolder.getLocale());
		}
		if (value instanceof Date date) {
			return DATE.format(date.toInstant().atZone(TramitaApplication.LIMA));
		}
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	private static String optionLabel(CamundaFormField field, String value) {
		if (field.getCamundaValues() != null) {
			for (CamundaValue option : field.getCamundaValues()) {
				if (value.equals(option.getCamundaId())) {
					return option.getCamundaName();
				}
			}
		}
		return value;
	}

}
