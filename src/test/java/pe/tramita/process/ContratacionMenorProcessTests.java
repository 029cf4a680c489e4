package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Filing;
import pe.tramita.support.Staff;

/**
 * Every path of processes/contratacion-menor: requirement, market survey, budget certification, purchase order,
 * delivery conformity (with a correction), payment; or stopped above 8 UIT, or without budget.
 */
class ContratacionMenorProcessTests extends ProcessPathTests {

	@Autowired
	HistoryService historyService;

	@Test
	void aPurchaseGoesFromRequirementToPaymentWithOneCorrectedDelivery() {
		Filing filing = applications.requestPurchase(Staff.CAJAMARCA, 2400).filing();
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "marketSurvey", "abastecimiento", Map.of("cotizaciones", 3L, "proveedor",
				"Suministros Cajamarca S.A.C., RUC 20131312955", "montoCotizado", 2280L));
		complete(instance, "certifyBudget", "planeamiento", Map.of("certificado", true, "numeroCertificacion", "CCP-0412"));
		complete(instance, "issuePurchaseOrder", "abastecimiento", Map.of("numeroOrden", "OC-2026-0088"));
		complete(instance, "confirmDelivery", "licencias", Map.of("conforme", false, "observaciones",
				"Llegaron 5 unidades, faltan 1."));
		complete(instance, "requestCorrection", "abastecimiento", Map.of("correccion", "El proveedor entregó la unidad faltante."));
		complete(instance, "confirmDelivery", "licencias", Map.of("conforme", true));
		complete(instance, "pay", "tesoreria", Map.of("comprobantePago", "CP-2026-1290"));

		assertThat(instance).isEnded().hasPassedInOrder("marketSurvey", "certifyBudget", "issuePurchaseOrder",
				"confirmDelivery", "requestCorrection", "confirmDelivery", "pay", "issuePurchaseRecord",
				"closePurchase", "paid");
		ExpedienteView closed = expediente(filing);
		assertThat(closed.status()).isEqualTo(ExpedienteStatus.ATENDIDO);
		assertThat(closed.applicantName()).isEqualTo("Luis Licencias (licencias)");
		assertThat(certificates.findForCase(closed.id()).orElseThrow().number()).startsWith("CT-");
	}

	@Test
	void aboveEightUitItIsNotAMinorPurchase() {
		// 8 UIT of 2026 = S/ 44,000
		Filing filing = applications.requestPurchase(Staff.CAJAMARCA, 44001).filing();

		assertThat(instanceOf(filing)).as("ended at once").isNull();
		assertThat(historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(expediente(filing).processInstanceId())
			.list()).extracting(activity -> activity.getActivityId())
			.contains("rejectAboveLimit", "aboveLimit")
			.doesNotContain("marketSurvey");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(expediente(filing).decisionReason()).contains("supera 8 UIT");
		assertThat(instanceOf(applications.requestPurchase(Staff.CAJAMARCA, 44000).filing())).as("exactly 8 UIT")
			.isWaitingAt("marketSurvey");
	}

	@Test
	void withoutBudgetThePurchaseIsClosed() {
		Filing filing = applications.requestPurchase(Staff.BANOS, 1500).filing();
		ProcessInstance instance = instanceOf(filing);
		complete(instance, "marketSurvey", "abastecimiento", Map.of("cotizaciones", 1L, "proveedor", "Librería Central",
				"montoCotizado", 1450L));
		complete(instance, "certifyBudget", "planeamiento", Map.of("certificado", false, "fundamento",
				"Sin saldo en la partida de materiales de oficina."));

		assertThat(instance).isEnded().hasPassed("closeWithoutBudget", "noBudget").hasNotPassed("issuePurchaseOrder");
		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.DENEGADO);
		assertThat(expediente(filing).decisionReason()).contains("Sin saldo");
	}

	private void complete(ProcessInstance instance, String step, String office, Map<String, Object> variables) {
		assertThat(instance).isWaitingAt(step);
		assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
			.anyMatch(link -> office.equals(link.getGroupId()));
		taskService.complete(task(instance).getId(), variables);
	}

}
