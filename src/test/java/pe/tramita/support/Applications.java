package pe.tramita.support;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.payment.PaymentOrder;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.payment.Payments;
import pe.tramita.request.ApplicantForm;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.IdentityDocumentType;
import pe.tramita.request.RiskLevel;

/**
 * Files licence applications straight through the service, for tests that start past the citizen's form. A filing
 * with a fee is paid at the cashier at once, as most are, so the case is at its first step; {@code unpaid} ones wait.
 */
@Component
public class Applications {

	/** SUNAT's own RUC: a real number with a valid check digit. */
	public static final String VALID_RUC = "20131312955";

	private final Expedientes expedientes;

	private final ProcedureCatalog catalog;

	private final PaymentOrders orders;

	private final Payments payments;

	private final LegalClock clock;

	Applications(Expedientes expedientes, ProcedureCatalog catalog, PaymentOrders orders, Payments payments,
			LegalClock clock) {
		this.clock = clock;
		this.expedientes = expedientes;
		this.catalog = catalog;
		this.orders = orders;
		this.payments = payments;
	}

	/** Pays the case's fee at its municipality's cashier, when it has one still unpaid; answers the order, if any. */
	public Optional<PaymentOrder> pay(String caseNumber) {
		Optional<PaymentOrder> order = orders.forCaseNumber(caseNumber);
		if (order.isEmpty() || !order.get().pending()) {
			return order;
		}
		PaymentOrder pending = order.get();
		return Optional.of(payments.recordAtCashier(pending.ubigeo(), pending.code(), new Payments.Entry(
				"R-" + caseNumber, pending.amount(), clock.today()), "caja.pruebas"));
	}

	/** A licence application whose fee is left unpaid: the case waits for the payment. */
	public Filing fileUnpaidLicence(String ubigeo, RiskLevel risk) {
		return file(ubigeo, risk, applicant());
	}

	public Filing fileUnpaidLicence(String ubigeo, RiskLevel risk, ApplicantForm applicant) {
		return file(ubigeo, risk, applicant);
	}

	public Filing fileLicence(String ubigeo, RiskLevel risk) {
		return fileLicence(ubigeo, risk, applicant());
	}

	/** A licence application by another applicant: the task list's search tests tell applicants apart. */
	public Filing fileLicence(String ubigeo, RiskLevel risk, String dni, String applicantName) {
		ApplicantForm usual = applicant();
		return fileLicence(ubigeo, risk, new ApplicantForm(IdentityDocumentType.DNI, dni, applicantName, usual.email(),
				usual.phone(), true, true));
	}

	public Filing fileLicence(String ubigeo, RiskLevel risk, ApplicantForm applicant) {
		Filing filing = file(ubigeo, risk, applicant);
		pay(filing.caseNumber());
		return filing;
	}

	private Filing file(String ubigeo, RiskLevel risk, ApplicantForm applicant) {
		byte[] pdf = SampleFiles.pdf();
		Expedientes.ModelApplication application = expedientes.apply(ubigeo, catalog.get("licencia-funcionamiento"),
				applicant, licenceFields(risk),
				List.of(new UploadedFile("declaracion-itse", "dj.pdf", FileKind.PDF, pdf, Documents.sha256(pdf))));
		if (application.filing() == null) {
			throw new IllegalStateException("Sample licence refused: " + application.submission().errors());
		}
		return application.filing();
	}

	/** The id of a filing's case. */
	public long caseId(Filing filing) {
		return expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().id();
	}

	/** Files a licence application and answers the id of its case, for tests that work on the case itself. */
	public long fileLicenceCase(String ubigeo, RiskLevel risk) {
		return expedientes.findByCaseNumber(fileLicence(ubigeo, risk).caseNumber()).orElseThrow().id();
	}

	/** A complaint about street cleaning, filed through the form its model declares. */
	public Filing fileComplaint(String ubigeo) {
		return fileComplaint(ubigeo, applicant());
	}

	public Filing fileComplaint(String ubigeo, ApplicantForm applicant) {
		Expedientes.ModelApplication application = expedientes.apply(ubigeo, catalog.get("queja-reclamo"), applicant,
				complaintFields(), List.of());
		if (application.filing() == null) {
			throw new IllegalStateException("Sample complaint refused: " + application.submission().errors());
		}
		return application.filing();
	}

	/** A request for public information, by e-mail. */
	public Filing fileInformationRequest(String ubigeo) {
		return fileInformationRequest(ubigeo, applicant());
	}

	public Filing fileInformationRequest(String ubigeo, ApplicantForm applicant) {
		Expedientes.ModelApplication application = expedientes.apply(ubigeo, catalog.get("acceso-informacion"),
				applicant, java.util.Map.of("informacionSolicitada",
						"Copia de los contratos de recojo de residuos sólidos firmados en 2026.", "formaEntrega", "CORREO"),
				List.of());
		if (application.filing() == null) {
			throw new IllegalStateException("Sample request refused: " + application.submission().errors());
		}
		return application.filing();
	}

	/** A building licence application (modality {@code a} or {@code b}) with its drawings attached, its fee paid. */
	public Expedientes.ModelApplication fileBuildingLicence(String ubigeo, String modality, long roofedArea) {
		Expedientes.ModelApplication application = fileUnpaidBuildingLicence(ubigeo, modality, roofedArea);
		if (application.filing() != null) {
			pay(application.filing().caseNumber());
		}
		return application;
	}

	public Expedientes.ModelApplication fileUnpaidBuildingLicence(String ubigeo, String modality, long roofedArea) {
		byte[] drawings = SampleFiles.pdf();
		return expedientes.apply(ubigeo, catalog.get("licencia-edificacion-" + modality), applicant(),
				java.util.Map.of("direccionPredio", "Jr. Los Sauces 240, Cajamarca", "partidaRegistral", "11023456",
						"descripcionObra", "Vivienda unifamiliar de dos pisos", "areaTechada", String.valueOf(roofedArea),
						"profesionalResponsable", "Arq. Carmen Ruiz Díaz, CAP 12345"),
				List.of(new UploadedFile("planos", "planos.pdf", FileKind.PDF, drawings, Documents.sha256(drawings))));
	}

	/** A project proposed to the participatory budget by a neighbourhood organisation, with its minutes. */
	public Filing fileProposal(String ubigeo) {
		byte[] minutes = SampleFiles.pdf();
		Expedientes.ModelApplication application = expedientes.apply(ubigeo, catalog.get("presupuesto-participativo"),
				applicant(), java.util.Map.of("organizacion", "Junta Vecinal Barrio San Martín", "registroAgente",
						"AP-2026-017", "nombreProyecto", "Mejoramiento del pasaje peatonal Los Pinos",
						"problema", "El pasaje es de tierra y se inunda en temporada de lluvias; lo usan 1,200 vecinos.",
						"beneficiarios", "1200", "costoEstimado", "180000"),
				List.of(new UploadedFile("acta", "acta.pdf", FileKind.PDF, minutes, Documents.sha256(minutes))));
		if (application.filing() == null) {
			throw new IllegalStateException("Sample proposal refused: " + application.submission().errors());
		}
		return application.filing();
	}

	/** A minor purchase the licensing office requests, for {@code value} soles. */
	public Expedientes.ModelApplication requestPurchase(String ubigeo, long value) {
		return expedientes.startInternal(ubigeo, catalog.get("contratacion-menor"), "Luis Licencias (licencias)",
				java.util.Map.of("oficinaSolicitante", "licencias", "descripcion", "Tóner para impresora láser",
						"especificaciones", "Tóner original compatible con la impresora HP LaserJet M404, 3,000 páginas.",
						"cantidad", "6", "valorEstimado", String.valueOf(value)));
	}

	/** The usual applicant, writing from {@code email}, who authorised e-mail notification or not. */
	public static ApplicantForm applicant(String email, boolean emailNotification) {
		return new ApplicantForm(IdentityDocumentType.DNI, "45678912", "Juana Quispe Ñahui", email, "976111222", true,
				emailNotification);
	}

	public static ApplicantForm applicant() {
		return new ApplicantForm(IdentityDocumentType.DNI, "45678912", "Juana Quispe Ñahui", "juana@example.pe",
				"976111222", true, true);
	}

	/** A valid complaint, as the fields the queja-reclamo model declares on its start event. */
	public static java.util.Map<String, String> complaintFields() {
		return java.util.Map.of("servicio", "LIMPIEZA", "hechos",
				"El camión recolector no pasa por el Jr. Amalia Puga desde hace dos semanas.", "lugar",
				"Jr. Amalia Puga, cuadra 5", "fechaHechos", "20/11/2026", "pedido",
				"Que se restablezca el recojo de residuos tres veces por semana.");
	}

	/** A valid business licence application, as the fields its model declares on its start event. */
	public static java.util.Map<String, String> licenceFields(RiskLevel risk) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("ruc", VALID_RUC);
		fields.put("businessName", "Bodega Doña Juana E.I.R.L.");
		fields.put("tradeName", "Bodega Doña Juana");
		fields.put("address", "Jr. Del Comercio 456");
		fields.put("activity", "Venta de abarrotes");
		fields.put("areaM2", "35.75");
		fields.put("riskLevel", risk.name());
		return fields;
	}

	/** The same valid application as the fields of the citizen's form: the applicant's and the licence's. */
	public static java.util.Map<String, String> formFields(RiskLevel risk) {
		ApplicantForm applicant = applicant();
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("documentType", applicant.documentType().name());
		fields.put("documentNumber", applicant.documentNumber());
		fields.put("applicantName", applicant.applicantName());
		fields.put("email", applicant.email());
		fields.put("phone", applicant.phone());
		fields.putAll(licenceFields(risk));
		fields.put("declarationAccepted", "true");
		return fields;
	}

}
