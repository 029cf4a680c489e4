package pe.tramita.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.tramita.request.Expedientes;

/**
 * Public because the engine calls it by reflection. What the procedure models may do with certificates
 * ({@code ${certificados...}} in BPMN): always for the case the process instance was started for.
 */
@Component("certificados")
public class CertificateProcessActions {

	static final String POSITIVE_SILENCE_LEGEND = "certificate.legend.positiveSilence";

	private final Certificates certificates;

	private final Expedientes expedientes;

	CertificateProcessActions(Certificates certificates, Expedientes expedientes) {
		this.certificates = certificates;
		this.expedientes = expedientes;
	}

	/** Issues the operating licence with the risk level the licensing office confirmed. */
	public void issue(DelegateExecution execution) {
		certificates.issueLicence(expedientes.caseOf(execution), riskLevel(execution));
	}

	/** Issues a document of the named {@link DocumentType} for the case, printing the decision's {@code fundamento}. */
	public void issueDocument(DelegateExecution execution, String documentType) {
		Object answer = execution.getVariable("fundamento");
		certificates.issue(expedientes.caseOf(execution), DocumentType.valueOf(documentType), riskLevel(execution), null,
				answer == null ? null : answer.toString());
	}

	/** Issues the document of a case the law approved because the municipality let its term run out. */
	public void issueBySilence(DelegateExecution execution, String documentType) {
		certificates.issue(expedientes.caseOf(execution), DocumentType.valueOf(documentType), riskLevel(execution),
				POSITIVE_SILENCE_LEGEND);
	}

	private static String riskLevel(DelegateExecution execution) {
		Object confirmed = execution.getVariable("nivelRiesgo");
		// the application's riskLevel field; riesgoDeclarado in cases filed before the licence's form was in its model
		Object declared = execution.hasVariable("riskLevel") ? execution.getVariable("riskLevel")
				: execution.getVariable("riesgoDeclarado");
		return confirmed != null ? confirmed.toString() : declared == null ? null : declared.toString();
	}

}
