package pe.tramita.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.support.TramitaTest;

/**
 * The validation corpus: a small valid licence model, and one bad variant per rule — each refused by the rules with
 * its message and element, and by the engine itself (nothing deployed). Every model under {@code processes/} passes.
 */
@TramitaTest
class ModelRulesTests {

	static final String TENANT = "060503";

	@Autowired
	ModelRules rules;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ModelRulesPlugin plugin;

	static String valid() {
		return ModelRulesFixtures.valid();
	}

	static final Map<String, UnaryOperator<String>> BAD = Map.ofEntries(
			Map.entry("tooLarge", xml -> xml.replace("<bpmn:process", "<!-- " + "x".repeat(ModelRules.MAX_BYTES) + " --><bpmn:process")),
			Map.entry("doctype", xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
				.replace("name=\"Otorgada\"", "name=\"&xxe;\"")),
			Map.entry("notXml", xml -> xml.replace("</bpmn:userTask>", "</bpmn:userTaks>")),
			Map.entry("notBpmn", xml -> "<?xml version=\"1.0\"?><hola xmlns=\"urn:tramita\"><mundo/></hola>"),
			Map.entry("notExecutable", xml -> xml.replace("isExecutable=\"true\"", "isExecutable=\"false\"")),
			Map.entry("noProcedure", xml -> xml.replace("id=\"licencia-funcionamiento\"", "id=\"tramite-sin-tupa\"")),
			Map.entry("noHistoryTimeToLive", xml -> xml.replace("camunda:historyTimeToLive=\"3650\"", "")),
			Map.entry("userTaskWithoutOffice", xml -> xml.replace("camunda:candidateGroups=\"mesa-de-partes\"", "")),
			Map.entry("unknownOffice", xml -> xml.replace("camunda:candidateGroups=\"mesa-de-partes\"", "camunda:candidateGroups=\"oficina-fantasma\"")),
			Map.entry("userTaskWithoutForm", xml -> xml.replaceAll("(?s)<bpmn:extensionElements>\\s*<camunda:formData>.*?</bpmn:extensionElements>", "")),
			Map.entry("unknownFieldType", xml -> xml.replace("type=\"boolean\"", "type=\"file\"")),
			// Camunda's validator constraint runs a Java class; a number that is not one would break the form when shown
			Map.entry("unknownConstraint", xml -> xml.replace("type=\"boolean\" />", """
					type="boolean"><camunda:validation><camunda:constraint name="validator" config="java.lang.Runtime" />\
					</camunda:validation></camunda:formField>""")),
			Map.entry("badConstraintConfig", xml -> xml.replace("type=\"boolean\" />", """
					type="string"><camunda:validation><camunda:constraint name="decimal" config="1;cien;2" />\
					<camunda:constraint name="maxlength" config="-5" /></camunda:validation></camunda:formField>""")),
			Map.entry("flowWithoutCondition", xml -> xml.replace("<bpmn:conditionExpression>${!completos}</bpmn:conditionExpression>", "")),
			Map.entry("timerNotInBusinessDays", xml -> xml.replace("</bpmn:process>", """
					<bpmn:boundaryEvent id="tooLate" name="Cinco días" attachedToRef="review"><bpmn:outgoing>lateFlow</bpmn:outgoing>
					<bpmn:timerEventDefinition id="tooLateTimer"><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
					<bpmn:endEvent id="late"><bpmn:incoming>lateFlow</bpmn:incoming></bpmn:endEvent>
					<bpmn:sequenceFlow id="lateFlow" sourceRef="tooLate" targetRef="late"/></bpmn:process>""")),
			Map.entry("scriptTask", xml -> xml.replace("<bpmn:endEvent id=\"granted\"", """
					<bpmn:scriptTask id="run" name="Ejecutar" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime().exec('rm -rf /')</bpmn:script></bpmn:scriptTask>
					<bpmn:endEvent id="granted\"""")),
			Map.entry("script", xml -> xml.replace("<camunda:formData>", """
					<camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'rm -rf /'.execute()</camunda:script></camunda:executionListener><camunda:formData>""")),
			Map.entry("javaClass", xml -> xml.replace("<bpmn:endEvent id=\"granted\"", """
					<bpmn:serviceTask id="callJava" name="Llamar a Java" camunda:class="java.lang.Runtime"/><bpmn:endEvent id="granted\"""")),
			Map.entry("forbiddenExpression", xml -> xml.replace("${plazos.legalDueDate(execution)}",
					"${identityService.deleteUser('admin')}")));

	@Test
	void theValidModelPassesAndDeploys() {
		assertThat(rules.check(valid().getBytes(StandardCharsets.UTF_8))).isEmpty();
		long before = repositoryService.createDeploymentQuery().tenantIdIn(TENANT).count();
		repositoryService.createDeployment().tenantId(TENANT).addString("licencia.bpmn", valid()).deploy();
		assertThat(repositoryService.createDeploymentQuery().tenantIdIn(TENANT).count()).isEqualTo(before + 1);
	}

	@Test
	void everyBadModelIsRefusedWithItsRuleAndNothingIsDeployed() {
		for (Map.Entry<String, UnaryOperator<String>> bad : BAD.entrySet()) {
			String xml = bad.getValue().apply(valid());
			assertThat(xml).as("the corpus changed the model for %s", bad.getKey()).isNotEqualTo(valid());
			List<ModelProblem> problems = rules.check(xml.getBytes(StandardCharsets.UTF_8));
			assertThat(problems).as(bad.getKey()).extracting(ModelProblem::rule).contains(bad.getKey());
			for (ModelProblem problem : problems) {
				assertThat(plugin.message(problem)).as("message of %s", problem.rule()).doesNotContainPattern("\\{\\d").isNotBlank();
			}
			long before = repositoryService.createDeploymentQuery().tenantIdIn(TENANT).count();
			assertThatThrownBy(() -> repositoryService.createDeployment().tenantId(TENANT).addString("licencia.bpmn", xml).deploy())
				.as(bad.getKey())
				.isInstanceOf(ParseException.class)
				.hasMessageContaining("No se desplegó «licencia.bpmn»");
			assertThat(repositoryService.createDeploymentQuery().tenantIdIn(TENANT).count()).as(bad.getKey()).isEqualTo(before);
		}
	}

	@Test
	void problemsNameTheirElementAndWhereItIs() {
		String xml = BAD.get("unknownOffice").apply(valid());
		ModelProblem problem = rules.check(xml.getBytes(StandardCharsets.UTF_8)).get(0);
		assertThat(problem.elementId()).isEqualTo("review");
		// the line where the element's start tag ends, as XML parsers report it
		String upToThatLine = String.join("\n", xml.lines().limit(problem.line()).toList());
		assertThat(upToThatLine.substring(upToThatLine.lastIndexOf('<'))).startsWith("<bpmn:userTask id=\"review\"");
		assertThat(plugin.message(problem)).isEqualTo(
				"La tarea «Revisar requisitos (review)» se asigna a la oficina «oficina-fantasma», que no existe.");

		ModelProblem broken = rules.check(BAD.get("notXml").apply(valid()).getBytes(StandardCharsets.UTF_8)).get(0);
		assertThat(broken.line()).isPositive();
		assertThat(plugin.message(broken)).startsWith("El XML no se puede leer en la línea " + broken.line() + ", columna ");

		ParseException refused = (ParseException) org.assertj.core.api.Assertions.catchThrowable(() -> repositoryService
			.createDeployment().tenantId(TENANT).addString("licencia.bpmn", xml).deploy());
		assertThat(refused.getResorceReports().get(0).getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getMainElementId()).isEqualTo("review");
			assertThat(error.getLine()).isEqualTo(problem.line());
		});
	}

	@Test
	void expressionsReachOnlyTheAllowedBeans() {
		for (String expression : List.of("${execution.getProcessEngineServices().getIdentityService()}",
				"${repositoryService.deleteDeployment('x')}", "#{environment.getProperty('spring.datasource.password')}",
				"${ plazos.legalDueDate(execution) and dataSource.getConnection() }")) {
			String xml = valid().replace("${plazos.legalDueDate(execution)}", expression);
			assertThat(rules.check(xml.getBytes(StandardCharsets.UTF_8))).as(expression)
				.extracting(ModelProblem::rule).containsExactly("forbiddenExpression");
		}
		for (String fine : List.of("${plazos.legalDueDate(execution)}", "${expedientes.conclude(execution, 'APROBADO')}",
				"${uit.times(8) > montoSoles}")) {
			String xml = valid().replace("${plazos.legalDueDate(execution)}", fine);
			assertThat(rules.check(xml.getBytes(StandardCharsets.UTF_8))).as(fine).isEmpty();
		}
	}

	/** Ways to run code or script from a model, each refused by its rule: what an advisor is not trusted with. */
	static final Map<String, String[]> CODE = Map.ofEntries(
			Map.entry("string literal's class", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}\"/>" }),
			Map.entry("engine services through execution", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${execution.getProcessEngineServices().getIdentityService().createMembership('asesor', 'camunda-admin')}\"/>" }),
			Map.entry("an allowed bean's class", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.getClass().getClassLoader()}\"/>" }),
			Map.entry("a call chained on an allowed call", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution).getClass()}\"/>" }),
			Map.entry("indexing a result", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${uit.times(8)['class']}\"/>" }),
			Map.entry("indexing execution", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${execution['processEngineServices']}\"/>" }),
			Map.entry("a bare bean as delegate", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:delegateExpression=\"${dataSource}\"/>" }),
			Map.entry("a function", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${dateTime().toDate()}\"/>" }),
			Map.entry("deferred syntax", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"#{''.class}\"/>" }),
			Map.entry("a lambda", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${(x -> x)(1)}\"/>" }),
			Map.entry("a task's name (the engine evaluates it)", new String[] { "forbiddenExpression",
					"<bpmn:userTask id=\"run\" name=\"${''.getClass()}\" camunda:candidateGroups=\"mesa-de-partes\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"boolean\"/></camunda:formData></bpmn:extensionElements></bpmn:userTask>" }),
			Map.entry("a task's documentation (its description)", new String[] { "forbiddenExpression",
					"<bpmn:userTask id=\"run\" camunda:candidateGroups=\"mesa-de-partes\"><bpmn:documentation>${execution.getProcessEngine()}</bpmn:documentation><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"boolean\"/></camunda:formData></bpmn:extensionElements></bpmn:userTask>" }),
			Map.entry("an input parameter", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">${''.getClass()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>" }),
			Map.entry("a field injection", new String[] { "forbiddenExpression",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"><bpmn:extensionElements><camunda:field name=\"x\"><camunda:expression>${''.getClass()}</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>" }),
			Map.entry("a form handler class", new String[] { "javaClass",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\" camunda:formHandlerClass=\"java.lang.Runtime\"/>" }),
			Map.entry("a variable mapping class", new String[] { "javaClass",
					"<bpmn:callActivity id=\"run\" calledElement=\"x\" camunda:variableMappingClass=\"java.lang.Runtime\"/>" }),
			Map.entry("a script condition", new String[] { "script",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"><bpmn:extensionElements><camunda:executionListener event=\"end\"><camunda:script scriptFormat=\"javascript\" resource=\"deployment://x.js\"/></camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>" }),
			Map.entry("XHTML script for the browser", new String[] { "foreignContent",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"><bpmn:extensionElements><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">localStorage.setItem('xss', '1')</x:script></bpmn:extensionElements></bpmn:serviceTask>" }),
			Map.entry("SVG with a handler", new String[] { "foreignContent",
					"<bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"><bpmn:extensionElements><s:svg xmlns:s=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/></bpmn:extensionElements></bpmn:serviceTask>" }),
			Map.entry("a link in a foreign attribute", new String[] { "foreignContent",
					"<bpmn:serviceTask id=\"run\" xmlns:xl=\"http://www.w3.org/1999/xlink\" xl:href=\"javascript:alert(1)\" camunda:expression=\"${plazos.legalDueDate(execution)}\"/>" }),
			Map.entry("a stylesheet instruction", new String[] { "foreignContent",
					"<?xml-stylesheet type=\"text/xsl\" href=\"data:text/xsl,x\"?><bpmn:serviceTask id=\"run\" camunda:expression=\"${plazos.legalDueDate(execution)}\"/>" }));

	@Test
	void everyWayToRunCodeFromAModelIsRefused() {
		for (Map.Entry<String, String[]> attempt : CODE.entrySet()) {
			String xml = valid().replace("<bpmn:endEvent id=\"granted\"", attempt.getValue()[1] + "<bpmn:endEvent id=\"granted\"");
			List<ModelProblem> problems = rules.check(xml.getBytes(StandardCharsets.UTF_8));
			assertThat(problems).as(attempt.getKey()).extracting(ModelProblem::rule).contains(attempt.getValue()[0]);
			// an instruction belongs to no element: it is placed in the element around it
			assertThat(problems).as(attempt.getKey()).filteredOn(p -> p.rule().equals(attempt.getValue()[0]))
				.extracting(ModelProblem::elementId).containsAnyOf("run", "licencia-funcionamiento");
			assertThatThrownBy(() -> repositoryService.createDeployment().tenantId(TENANT).addString("licencia.bpmn", xml).deploy())
				.as(attempt.getKey()).isInstanceOf(ParseException.class);
		}
	}

	@Test
	void expressionsAModelNeedsStillPass() {
		for (String fine : List.of("${nivelRiesgo == 'BAJO' || nivelRiesgo == 'MEDIO'}", "${valorEstimado &lt;= uit.times(8)}",
				"${!aprobado}", "${empty observacion}", "${not aprobado and (a or b)}", "${plazos.afterBusinessDays(execution, 2)}",
				"${x > 1.5e3 ? 'alto' : 'bajo'}", "${texto == 'un } dentro'}", "${expedientes.conclude(execution, 'APROBADO')}")) {
			String xml = valid().replace("${!completos}", fine);
			assertThat(rules.check(xml.getBytes(StandardCharsets.UTF_8))).as(fine).isEmpty();
		}
	}

	@Test
	void aModelNestedDeeperThanAnyModelNeedsIsRefusedWithoutExhaustingTheStack() {
		String deep = "<camunda:list>".repeat(20_000) + "</camunda:list>".repeat(20_000);
		String xml = valid().replace("<camunda:formData>", "<camunda:inputOutput><camunda:inputParameter name=\"x\">" + deep
				+ "</camunda:inputParameter></camunda:inputOutput><camunda:formData>");
		assertThat(rules.check(xml.getBytes(StandardCharsets.UTF_8))).extracting(ModelProblem::rule).containsExactly("tooDeep");
		assertThatThrownBy(() -> repositoryService.createDeployment().tenantId(TENANT).addString("licencia.bpmn", xml).deploy())
			.isInstanceOf(ParseException.class).hasMessageContaining("niveles");
	}

	@Test
	void aModelInLatin1IsReadInItsOwnEncoding() {
		String xml = valid().replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").replace("Revisar requisitos", "Revisión");
		byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(rules.check(latin1)).isEmpty();
		String text = pe.tramita.catalog.ProcessModels.text(latin1);
		assertThat(text).contains("name=\"Revisión\"", "encoding=\"UTF-8\"");
		assertThat(rules.check(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void everyShippedModelPasses() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
			assertThat(models).hasSizeGreaterThanOrEqualTo(7);
			for (Path model : models) {
				assertThat(rules.check(Files.readAllBytes(model))).as(model.toString()).isEmpty();
			}
		}
	}

}
