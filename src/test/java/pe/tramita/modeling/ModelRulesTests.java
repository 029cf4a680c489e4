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

	/** As Camunda Modeler writes it: start → «Revisar requisitos» (Mesa de Partes, one field) → gateway → two ends. */
	static String valid() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="https://tramita.pe/procesos">
				  <bpmn:process id="licencia-funcionamiento" name="Licencia de Funcionamiento" isExecutable="true"
				      camunda:historyTimeToLive="3650">
				    <bpmn:startEvent id="filed" name="Solicitud presentada"><bpmn:outgoing>toReview</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="toReview" sourceRef="filed" targetRef="review" />
				    <bpmn:userTask id="review" name="Revisar requisitos" camunda:candidateGroups="mesa-de-partes"
				        camunda:dueDate="${plazos.legalDueDate(execution)}">
				      <bpmn:extensionElements>
				        <camunda:formData>
				          <camunda:formField id="completos" label="¿Completos?" type="boolean" />
				        </camunda:formData>
				      </bpmn:extensionElements>
				      <bpmn:incoming>toReview</bpmn:incoming><bpmn:outgoing>toDecide</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:sequenceFlow id="toDecide" sourceRef="review" targetRef="complete" />
				    <bpmn:exclusiveGateway id="complete" name="¿Completos?">
				      <bpmn:incoming>toDecide</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing>
				    </bpmn:exclusiveGateway>
				    <bpmn:sequenceFlow id="yes" name="sí" sourceRef="complete" targetRef="granted">
				      <bpmn:conditionExpression>${completos}</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				    <bpmn:sequenceFlow id="no" name="no" sourceRef="complete" targetRef="refused">
				      <bpmn:conditionExpression>${!completos}</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				    <bpmn:endEvent id="granted" name="Otorgada"><bpmn:incoming>yes</bpmn:incoming></bpmn:endEvent>
				    <bpmn:endEvent id="refused" name="Denegada"><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
				  </bpmn:process>
				</bpmn:definitions>
				""";
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
