package pe.tramita.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One streaming pass over a model's XML, before anything builds a tree of it: where each element with an id is, and
 * the rules that concern the file rather than the process — no element deeper than {@link #MAX_DEPTH}, nothing outside
 * BPMN 2.0 and Camunda's extensions (a browser would run an XHTML {@code <script>} or an {@code xml-stylesheet}), no
 * scripts, no Java classes, and every expression in every attribute and text within {@link ModelExpressions}.
 * The parser refuses DOCTYPEs, and with them external entities.
 */
final class ModelScan extends DefaultHandler {

	/** Far more than any model needs (the shipped ones nest 8 deep); a deeper file could exhaust the stack. */
	static final int MAX_DEPTH = 100;

	static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** BPMN, its diagram interchange, Camunda's extensions and the colours and platform marks modelers write. */
	private static final Set<String> NAMESPACES = Set.of(BPMN_NS, CAMUNDA_NS,
			"http://www.omg.org/spec/BPMN/20100524/DI", "http://www.omg.org/spec/DD/20100524/DC",
			"http://www.omg.org/spec/DD/20100524/DI", "http://camunda.org/schema/modeler/1.0",
			"http://bpmn.io/schema/bpmn/biocolor/1.0", "http://www.omg.org/spec/BPMN/non-normative/color/1.0",
			XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, XMLConstants.XML_NS_URI);

	private final ModelExpressions expressions;

	private final List<ModelProblem> problems = new ArrayList<>();

	private final Map<String, int[]> positions = new HashMap<>();

	/** The elements open at this point: each with the nearest id at or above it, and its text. */
	private final Deque<Open> open = new ArrayDeque<>();

	private Locator locator;

	private ModelScan(ModelExpressions expressions) {
		this.expressions = expressions;
	}

	/** What the pass found: positions of elements by id, and the problems. */
	record Result(Map<String, int[]> positions, List<ModelProblem> problems) {
	}

	/** Scans the file; a file that is not well-formed XML (or declares a DOCTYPE) throws with its line and column. */
	static Result scan(byte[] file, ModelExpressions expressions) throws SAXParseException {
		ModelScan scan = new ModelScan(expressions);
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.newSAXParser().parse(new ByteArrayInputStream(file), scan);
		}
		catch (TooDeep tooDeep) {
			scan.problems.add(new ModelProblem("tooDeep", List.of(MAX_DEPTH), null, tooDeep.getLineNumber(),
					tooDeep.getColumnNumber()));
		}
		catch (SAXParseException e) {
			throw e;
		}
		catch (SAXException | IOException | ParserConfigurationException e) {
			throw new SAXParseException(e.getMessage(), null, null, 0, 0);
		}
		return new Result(scan.positions, scan.problems);
	}

	@Override
	public void setDocumentLocator(Locator locator) {
		this.locator = locator;
	}

	@Override
	public void startElement(String uri, String local, String qualified, Attributes attributes) throws SAXException {
		if (open.size() >= MAX_DEPTH) {
			throw new TooDeep(locator);
		}
		String id = attributes.getValue("", "id");
		Open parent = open.peek();
		Open element = id != null ? new Open(id, owner(id, attributes.getValue("", "name")))
				: new Open(parent == null ? null : parent.ownerId, parent == null ? "" : parent.ownerName);
		open.push(element);
		if (id != null) {
			positions.putIfAbsent(id, new int[] { locator.getLineNumber(), locator.getColumnNumber() });
		}
		if (!NAMESPACES.contains(uri)) {
			add("foreignContent", element, "<" + qualified + ">", uri.isEmpty() ? "—" : uri);
		}
		if (BPMN_NS.equals(uri) && local.equals("scriptTask")) {
			add("scriptTask", element, element.ownerName);
		}
		if (CAMUNDA_NS.equals(uri) && local.equals("script")
				|| BPMN_NS.equals(uri) && (local.equals("conditionExpression") || local.equals("script"))
						&& attributes.getValue("", "language") != null) {
			add("script", element, element.ownerName);
		}
		for (int i = 0; i < attributes.getLength(); i++) {
			String namespace = attributes.getURI(i);
			String name = attributes.getLocalName(i);
			String value = attributes.getValue(i);
			if (!namespace.isEmpty() && !NAMESPACES.contains(namespace)) {
				add("foreignContent", element, attributes.getQName(i), namespace);
			}
			else if (CAMUNDA_NS.equals(namespace) && (name.equals("class") || name.endsWith("Class"))) {
				add("javaClass", element, element.ownerName, value);
			}
			else {
				expressions(value, element);
			}
		}
	}

	@Override
	public void characters(char[] text, int start, int length) {
		open.peek().text.append(text, start, length);
	}

	@Override
	public void endElement(String uri, String local, String qualified) {
		Open element = open.pop();
		expressions(element.text.toString(), element);
	}

	@Override
	public void processingInstruction(String target, String data) {
		add("foreignContent", open.isEmpty() ? new Open(null, "") : open.peek(), "<?" + target + "?>", "—");
	}

	private void expressions(String text, Open element) {
		if (text.indexOf('{') < 0) {
			return;
		}
		for (ModelExpressions.Refusal refusal : expressions.check(text)) {
			add("forbiddenExpression", element, element.ownerName, refusal.expression(), refusal.offending(),
					String.join(", ", ModelRules.ALLOWED_BEANS.stream().sorted().toList()));
		}
	}

	private void add(String rule, Open element, Object... arguments) {
		int[] position = element.ownerId == null ? null : positions.get(element.ownerId);
		problems.add(new ModelProblem(rule, List.of(arguments), element.ownerId,
				position == null ? locator.getLineNumber() : position[0],
				position == null ? locator.getColumnNumber() : position[1]));
	}

	/** "Revisar requisitos (review)", or the id alone, as the model's other problems name elements. */
	private static String owner(String id, String name) {
		return name == null || name.isBlank() ? id : name + " (" + id + ")";
	}

	private static final class Open {

		final String ownerId;

		final String ownerName;

		final StringBuilder text = new StringBuilder();

		Open(String ownerId, String ownerName) {
			this.ownerId = ownerId;
			this.ownerName = ownerName;
		}

	}

	/** Stops the pass at the first element nested too deep: the rest is not read. */
	private static final class TooDeep extends SAXParseException {

		TooDeep(Locator locator) {
			super("too deep", locator);
		}

	}

}
