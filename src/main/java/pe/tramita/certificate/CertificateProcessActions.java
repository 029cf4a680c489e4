package pe.tramita.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.tramita.request.Expedientes;

/** Public because the engine calls it by reflection. What the procedure models may do with certificates ({@code ${certificados...}} in BPMN). */
@Component("certificados")
public class CertificateProcessActions {

	private final Certificates certificates;

	CertificateProcessActions(Certificates certificates) {
		this.certificates = certificates;
	}

	/** Issues the licence with the risk level the licensing office confirmed. */
	public void issue(DelegateExecution execution) {
		long expedienteId = ((Number) execution.getVariable(Expedientes.EXPEDIENTE_VARIABLE)).longValue();
		Object risk = execution.getVariable("nivelRiesgo");
		certificates.issueLicence(expedienteId, risk == null ? String.valueOf(execution.getVariable("riesgoDeclarado"))
				: risk.toString());
	}

}
