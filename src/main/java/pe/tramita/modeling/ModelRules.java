package pe.tramita.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.security.Offices;

/**
 * What a BPMN model must be before Tramita deploys it, whoever deploys it (the advisor's workspace, Camunda Modeler
 * through the REST API, the models under {@code processes/} at start-up): safe to read (size, no DOCTYPE or external
 * entities), well-formed BPMN 2.0, executable, with a {@code procedure.yml}; every user task in an existing office
 * with a form the task page can render; gateways that can decide; timers on the business-day calendar; and no code:
 * no scripts, no Java classes, expressions that reach only the beans meant for models.
 */
@Component
public class ModelRules {

	/** The largest model accepted; the biggest one shipped is under 40 KB. */
	public static final int MAX_BYTES = 1024 * 1024;

	/** The beans a model may call (see DESIGN.md): legal terms, cases, certificates, the UIT. */
	public static final Set<String> ALLOWED_BEANS = Set.of("plazos", "expedientes", "certificados", "uit");

	/** What the task page renders (pe.tramita.form.ModelForms). */
	static final Set<String> FIELD_TYPES = Set.of("string", "long", "boolean", "enum", "date");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	/** A name at the start of an expression or after an operator, followed by a dot, a bracket or a call. */
	private static final Pattern ROOT_NAME = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)\\s*(?=[.\\[(])");

	/** Names the engine gives an expression: passing them to a bean is fine, going through them is not. */
	private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId",
			"dateTime", "currentUser", "currentUserGroups");

	private final ProcedureCatalog catalog;

	private final ApplicationContext context;

	ModelRules(ProcedureCatalog catalog, ApplicationContext context) {
		this.catalog = catalog;
		this.context = context;
	}

	/** Every problem of the file; empty when it may be deployed. */
	public List<ModelProblem> check(byte[] file) {
		List<ModelProblem> problems = new ArrayList<>();
		if (file.length > MAX_BYTES) {
			problems.add(problem("tooLarge", List.of(file.length / 1024, MAX_BYTES / 1024)));
			return problems;
		}
		String text = new String(file, StandardCharsets.UTF_8);
		if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || text.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
			problems.add(problem("doctype", List.of()));
			return problems;
		}
		Map<String, int[]> positions;
		try {
			positions = positionsOfElements(file);
		}
		catch (SAXParseException e) {
			problems.add(new ModelProblem("notXml", List.of(e.getLineNumber(), e.getColumnNumber(), e.getMessage()),
					null, e.getLineNumber(), e.getColumnNumber()));
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
		new Checks(model, positions, problems).run();
		return problems;
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
			gateways();
			timers();
			code(model.getDocument().getRootElement());
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
						if (!Offices.isKnown(named)) {
							add("unknownOffice", task, name(task), named);
						}
					}
				}
				List<CamundaFormData> forms = task.getExtensionElements() == null ? List.of()
						: task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list();
				if (forms.isEmpty()) {
					add("userTaskWithoutForm", task, name(task));
				}
				for (CamundaFormData form : forms) {
					for (CamundaFormField field : form.getCamundaFormFields()) {
						if (!FIELD_TYPES.contains(String.valueOf(field.getCamundaType()))) {
							add("unknownFieldType", task, name(task), field.getCamundaId(), field.getCamundaType(),
									String.join(", ", FIELD_TYPES));
						}
					}
				}
			}
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

		/** No scripts, no Java classes, and expressions only through the beans meant for models. */
		private void code(DomElement element) {
			String local = element.getLocalName();
			String namespace = element.getNamespaceURI();
			BaseElement owner = owner(element);
			if (BPMN_NS.equals(namespace) && local.equals("scriptTask")) {
				add("scriptTask", owner, name(owner));
			}
			if (CAMUNDA_NS.equals(namespace) && local.equals("script")) {
				add("script", owner, name(owner));
			}
			if (BPMN_NS.equals(namespace) && (local.equals("conditionExpression") || local.equals("script"))
					&& element.getAttribute("language") != null) {
				add("script", owner, name(owner));
			}
			for (String attribute : List.of("class", "delegateExpression", "expression", "resultVariable",
					"candidateGroups", "candidateUsers", "assignee", "dueDate", "followUpDate", "priority",
					"defaultValue", "value", "calledElement", "formKey")) {
				String value = element.getAttribute(CAMUNDA_NS, attribute);
				if (value == null) {
					value = CAMUNDA_NS.equals(namespace) ? element.getAttribute(attribute) : null;
				}
				if (value == null) {
					continue;
				}
				if (attribute.equals("class")) {
					add("javaClass", owner, name(owner), value);
				}
				else {
					expressions(value, owner);
				}
			}
			if (element.getChildElements().isEmpty()) {
				expressions(element.getTextContent(), owner);
			}
			for (DomElement child : element.getChildElements()) {
				code(child);
			}
		}

		private void expressions(String text, BaseElement owner) {
			if (text == null) {
				return;
			}
			Matcher expression = EXPRESSION.matcher(text);
			while (expression.find()) {
				Matcher root = ROOT_NAME.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
				while (root.find()) {
					String name = root.group(1);
					boolean bean = context.containsBean(name);
					if (ENGINE_NAMES.contains(name) && expression.group(1).matches("(?s).*\\b" + name + "\\s*[.\\[].*")
							|| bean && !ALLOWED_BEANS.contains(name)) {
						add("forbiddenExpression", owner, name(owner), expression.group(), name,
								String.join(", ", ALLOWED_BEANS.stream().sorted().toList()));
					}
				}
			}
		}

		/** The nearest element with an id: what the problem is about. */
		private BaseElement owner(DomElement element) {
			for (DomElement e = element; e != null; e = e.getParentElement()) {
				String id = e.getAttribute("id");
				if (id != null && model.getModelElementById(id) instanceof BaseElement base) {
					return base;
				}
			}
			return null;
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

	/** Line and column of each element with an id, read with a parser that refuses DOCTYPEs and external entities. */
	private static Map<String, int[]> positionsOfElements(byte[] file) throws SAXParseException {
		Map<String, int[]> positions = new HashMap<>();
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.newSAXParser().parse(new ByteArrayInputStream(file), new DefaultHandler() {

				private Locator locator;

				@Override
				public void setDocumentLocator(Locator locator) {
					this.locator = locator;
				}

				@Override
				public void startElement(String uri, String local, String qualified, Attributes attributes) {
					String id = attributes.getValue("id");
					if (id != null) {
						positions.putIfAbsent(id, new int[] { locator.getLineNumber(), locator.getColumnNumber() });
					}
				}

			});
		}
		catch (SAXParseException e) {
			throw e;
		}
		catch (SAXException | IOException | ParserConfigurationException e) {
			throw new SAXParseException(e.getMessage(), null, null, 0, 0);
		}
		return positions;
	}

}
