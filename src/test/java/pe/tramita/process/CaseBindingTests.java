package pe.tramita.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.municipality.MunicipalityTenantIdProvider;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.request.CaseBindingException;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Staff;

/**
 * The beans the models call act on the case their process instance was started for, found in Tramita's own record:
 * a process variable pointing at another municipality's case (whoever could write it) is refused, and so is a process
 * started outside Tramita for an existing case. Nothing is decided, issued or signed for any case.
 */
class CaseBindingTests extends ProcessPathTests {

	@Autowired
	PaymentOrders orders;

	@Test
	void aVariablePointingAtAnotherMunicipalitysCaseIsRefusedAndNothingIsIssued() {
		Filing own = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Filing other = applications.fileLicence(Staff.BANOS, RiskLevel.BAJO, "41234567", "Rosa Chávez Ayay");
		ProcessInstance instance = instanceOf(own);
		taskService.complete(task(instance).getId(), Map.of("requisitosCompletos", true));
		taskService.complete(task(instance).getId(), Map.of("nivelRiesgo", "BAJO"));
		long otherId = expediente(other).id();

		runtimeService.setVariable(instance.getId(), Expedientes.EXPEDIENTE_VARIABLE, otherId);
		String decision = task(instance).getId();
		assertThatThrownBy(() -> taskService.complete(decision, Map.of("aprobado", true, "fundamento", "Procede.")))
			.hasRootCauseInstanceOf(CaseBindingException.class);

		assertThat(expediente(other).status()).isEqualTo(ExpedienteStatus.EN_TRAMITE);
		assertThat(certificates.findForCase(otherId)).isEmpty();
		assertThat(expediente(own).status()).isEqualTo(ExpedienteStatus.EN_TRAMITE);
		assertThat(certificates.findForCase(expediente(own).id())).isEmpty();
		assertThat(task(instance).getId()).as("the decision is still to be taken").isEqualTo(decision);
	}

	@Test
	void theRightCaseIsDecidedWhenTheVariableIsGoneOrTheSame() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		ProcessInstance instance = instanceOf(filing);
		taskService.complete(task(instance).getId(), Map.of("requisitosCompletos", true));
		runtimeService.removeVariable(instance.getId(), Expedientes.EXPEDIENTE_VARIABLE);
		taskService.complete(task(instance).getId(), Map.of("nivelRiesgo", "BAJO"));
		taskService.complete(task(instance).getId(), Map.of("aprobado", true, "fundamento", "Procede."));

		assertThat(expediente(filing).status()).isEqualTo(ExpedienteStatus.APROBADO);
		assertThat(certificates.findForCase(expediente(filing).id())).isPresent();
	}

	@Test
	void aProcessStartedOutsideTramitaCannotSkipAnotherCasesFee() {
		Filing unpaid = applications.fileUnpaidLicence(Staff.BANOS, RiskLevel.BAJO);
		long unpaidId = expediente(unpaid).id();
		long instances = runtimeService.createProcessInstanceQuery().count();
		// the shared definition: other tests deploy municipalities' own versions of the licence
		assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("licencia-funcionamiento")
			.processDefinitionWithoutTenantId()
			.businessKey(unpaid.caseNumber())
			.setVariables(Map.of(Expedientes.EXPEDIENTE_VARIABLE, unpaidId,
					MunicipalityTenantIdProvider.MUNICIPALITY_VARIABLE, Staff.BANOS,
					ProcessDeadlines.DUE_DATE_VARIABLE, unpaid.dueDate().toString()))
			.execute()).hasRootCauseInstanceOf(CaseBindingException.class);

		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(orders.forCase(unpaidId).orElseThrow().pending()).isTrue();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(unpaid.caseNumber()).count())
			.as("nobody is handed the unpaid case").isZero();
	}

	@Test
	void aProcessStartedOutsideTramitaForAnExistingCaseIssuesNothing() {
		Filing victim = applications.fileLicence(Staff.BANOS, RiskLevel.BAJO, "41234567", "Rosa Chávez Ayay");
		long victimId = expediente(victim).id();
		long instances = runtimeService.createProcessInstanceQuery().count();
		// Modalidad A issues its licence as soon as it starts
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("licencia-edificacion-a", victim.caseNumber(),
				Map.of(Expedientes.EXPEDIENTE_VARIABLE, victimId,
						MunicipalityTenantIdProvider.MUNICIPALITY_VARIABLE, Staff.BANOS)))
			.hasRootCauseInstanceOf(CaseBindingException.class);

		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(certificates.findForCase(victimId)).isEmpty();
		assertThat(expediente(victim).status()).isEqualTo(ExpedienteStatus.EN_TRAMITE);
	}

}
