package pe.tramita.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValidation;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.ProcessModels;
import pe.tramita.form.ModelForms;
import pe.tramita.office.OfficeDirectory;

/**
 * What a BPMN model must be before Tramita deploys it, whoever deploys it (the advisor's workspace, Camunda Modeler
 * through the REST API, the models under {@code processes/} at start-up): safe to read (size, no DOCTYPE or external
 * entities), well-formed BPMN 2.0, executable, with a {@code procedure.yml}; every user task in an existing office
 * with a form the task page can render; gateways that can decide; timers on the business-day calendar; nothing but
 * BPMN and Camunda's extensions; and no code: no scripts, no Java classes, expressions within
 * {@link ModelExpressions} wherever the engine may evaluate one.
 */
@Component
public class ModelRules {

	/** The largest model accepted; the biggest one shipped is under 40 KB. */
	public static final int MAX_BYTES = 1024 * 1024;

	/** The beans a model may call (see DESIGN.md): legal terms, cases, certificates, the UIT, payments. */
	public static final Set<String> ALLOWED_BEANS = Set.of("plazos", "expedientes", "certificados", "uit", "pagos");

	/** What the task page renders (pe.tramita.form.ModelForms). */
	static final Set<String> FIELD_TYPES = Set.of("string", "long", "boolean", "enum", "date");

	private final ProcedureCatalog catalog;

	private final OfficeDirectory offices;

	private final ApplicationContext context;

	private volatile ModelExpressions expressions;

	ModelRules(ProcedureCatalog catalog, OfficeDirectory offices, ApplicationContext context) {
		this.catalog = catalog;
		this.offices = offices;
		this.context = context;
	}

	/** Every problem of the file; empty when it may be deployed. */
	public List<ModelProblem> check(byte[] file) {
		List<ModelProblem> problems = new ArrayList<>();
		if (file.length > MAX_BYTES) {
			problems.add(problem("tooLarge", List.of(file.length / 1024, MAX_BYTES / 1024)));
			return problems;
		}
		String text = ProcessModels.text(file).toUpperCase(Locale.ROOT);
		if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
			problems.add(problem("doctype", List.of()));
			return problems;
		}
		ModelScan.Result scan;
		try {
			scan = ModelScan.scan(file, expressions());
		}
		catch (SAXParseException e) {
			problems.add(new ModelProblem("notXml", List.of(e.getLineNumber(), e.getColumnNumber(), e.getMessage()),
					null, e.getLineNumber(), e.getColumnNumber()));
			return problems;
		}
		problems.addAll(scan.problems());
		if (problems.stream().anyMatch(problem -> problem.rule().equals("tooDeep"))) {
			return problems;
		}
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(file));
		}
		catch (ModelParseException e) {
			SAXParseException cause = e.getCause() instanceof SAXParseException sax ? sax : null;
			problems.add(new ModelProblem("notBpmn", List.of(shortMessage(e)), null,
					cause == null ? 0 : cause.getLineNumber(), cause == null ? 0 : cause.getColumnNumber()));
			return problems;
		}
		new Checks(model, scan.positions(), problems).run();
		return problems;
	}

	/** Built on first use: it reads the allowed beans' methods from the context. */
	private ModelExpressions expressions() {
		if (expressions == null) {
			expressions = new ModelExpressions(context, ALLOWED_BEANS);
		}
		return expressions;
	}

	/** The rules on a model that parsed: one instance per check, collecting problems with their positions. */
	private final class Checks {

		private final BpmnModelInstance model;

		private final Map<String, int[]> positions;

		private final List<ModelProblem> problems;

		Checks(BpmnModelInstance model, Map<String, int[]> positions, List<ModelProblem> problems) {
			this.model = model;
			this.positions = positions;
			this.problems = problems;
		}

		void run() {
			processes();
			userTasks();
			formFields();
			gateways();
			timers();
		}

		private void processes() {
			List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
			if (processes.isEmpty()) {
				add("noProcess", null);
			}
			for (Process process : processes) {
				if (!process.isExecutable()) {
					add("notExecutable", process);
				}
				if (catalog.findByProcessKey(process.getId()).isEmpty()) {
					add("noProcedure", process, process.getId());
				}
				if (process.getCamundaHistoryTimeToLiveString() == null
						|| process.getCamundaHistoryTimeToLiveString().isBlank()) {
					add("noHistoryTimeToLive", process);
				}
			}
		}

		private void userTasks() {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String office = task.getCamundaCandidateGroups();
				if (office == null || office.isBlank()) {
					add("userTaskWithoutOffice", task, name(task));
				}
				else {
					for (String named : officesNamedBy(office, task)) {
						if (!offices.exists(named)) {
							add("unknownOffice", task, name(task), named);
						}
					}
				}
				List<CamundaFormData> forms = task.getExtensionElements() == null ? List.of()
						: task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list();
				if (forms.isEmpty()) {
					add("userTaskWithoutForm", task, name(task));
				}
			}
		}

		/** Every form field, a step's or the application's: a type and constraints the forms can show and check. */
		private void formFields() {
			for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
				FlowElement owner = owner(field);
				String ownerName = owner == null ? "" : name(owner);
				if (!FIELD_TYPES.contains(String.valueOf(field.getCamundaType()))) {
					add("unknownFieldType", owner, ownerName, field.getCamundaId(), field.getCamundaType(),
							String.join(", ", FIELD_TYPES));
				}
				CamundaValidation validation = field.getCamundaValidation();
				for (CamundaConstraint constraint : validation == null ? List.<CamundaConstraint>of()
						: validation.getCamundaConstraints()) {
					String constraintName = String.valueOf(constraint.getCamundaName());
					if (!ModelForms.CONSTRAINTS.contains(constraintName)) {
						add("unknownConstraint", owner, ownerName, field.getCamundaId(), constraintName,
								String.join(", ", new TreeSet<>(ModelForms.CONSTRAINTS)));
					}
					else if (!ModelForms.readableConstraint(constraintName, constraint.getCamundaConfig())) {
						add("badConstraintConfig", owner, ownerName, field.getCamundaId(), constraintName,
								String.valueOf(constraint.getCamundaConfig()));
					}
				}
			}
		}

		/** The step or event whose form declares the field. */
		private static FlowElement owner(ModelElementInstance element) {
			ModelElementInstance parent = element.getParentElement();
			while (parent != null && !(parent instanceof FlowElement)) {
				parent = parent.getParentElement();
			}
			return (FlowElement) parent;
		}

		/** A fixed office, or {@code ${field}}: an enum field of the model chooses among offices. */
		private List<String> officesNamedBy(String office, UserTask task) {
			Matcher chosen = Pattern.compile("\\$\\{(\\w+)}").matcher(office.trim());
			if (!chosen.matches()) {
				return List.of(office.split("\\s*,\\s*"));
			}
			for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
				if (field.getCamundaId().equals(chosen.group(1)) && "enum".equals(field.getCamundaType())) {
					return field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
				}
			}
			add("officeFieldMissing", task, name(task), chosen.group(1));
			return List.of();
		}

		private void gateways() {
			for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
				if (!(gateway instanceof ExclusiveGateway) && !(gateway instanceof InclusiveGateway)
						|| gateway.getOutgoing().size() < 2) {
					continue;
				}
				SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
						: ((InclusiveGateway) gateway).getDefault();
				for (SequenceFlow flow : gateway.getOutgoing()) {
					if (flow != defaultFlow && flow.getConditionExpression() == null) {
						add("flowWithoutCondition", flow, name(gateway), flowName(flow));
					}
				}
			}
		}

		private void timers() {
			for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
				String when = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
						: timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
								: timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : "";
				if (!when.replace(" ", "").matches("(?s).*\\$\\{plazos\\.\\w+\\(.*")) {
					ModelElementInstance event = timer.getParentElement();
					add("timerNotInBusinessDays", (BaseElement) event, name((BaseElement) event), when.trim());
				}
			}
		}

		private void add(String rule, BaseElement element, Object... arguments) {
			String id = element == null ? null : element.getId();
			int[] position = id == null ? null : positions.get(id);
			problems.add(new ModelProblem(rule, List.of(arguments), id, position == null ? 0 : position[0],
					position == null ? 0 : position[1]));
		}

	}

	private static String name(BaseElement element) {
		if (element == null) {
			return "";
		}
		String name = element instanceof FlowNode node ? node.getName()
				: element.getAttributeValue("name");
		return name == null || name.isBlank() ? element.getId() : name + " (" + element.getId() + ")";
	}

	private static String flowName(SequenceFlow flow) {
		return name(flow) + " → " + name(flow.getTarget());
	}

	private static ModelProblem problem(String rule, List<Object> arguments) {
		return new ModelProblem(rule, arguments, null, 0, 0);
	}

	private static String shortMessage(ModelParseException e) {
		Throwable cause = e.getCause() != null ? e.getCause() : e;
		String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
		return message.length() > 300 ? message.substring(0, 300) + "…" : message;
	}

}
