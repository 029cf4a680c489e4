package pe.tramita.modeling;

/** Models for tests of the model rules and of the ways into the engine. */
public final class ModelRulesFixtures {

	private ModelRulesFixtures() {
	}

	/** As Camunda Modeler writes it: start → «Revisar requisitos» (Mesa de Partes, one field) → gateway → two ends. */
	public static String valid() {
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

}
