package pe.tramita.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.request.ExpedienteView;

/** What each document type prints about its case: the holder and the labelled lines, in Spanish. */
@Component
class CertificateContents {

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private final MessageSource messages;

	private final ProcedureCatalog catalog;

	CertificateContents(MessageSource messages, ProcedureCatalog catalog) {
		this.messages = messages;
		this.catalog = catalog;
	}

	String holder(DocumentType type, ExpedienteView expediente) {
		return type == DocumentType.LICENCIA_FUNCIONAMIENTO && expediente.businessName() != null
				? expediente.businessName() : expediente.applicantName();
	}

	List<PrintedField> fields(DocumentType type, ExpedienteView expediente, String riskLevel) {
		List<PrintedField> fields = new ArrayList<>();
		switch (type) {
			case LICENCIA_FUNCIONAMIENTO -> {
				add(fields, "certificate.pdf.ruc", expediente.ruc());
				add(fields, "certificate.pdf.tradeName", expediente.tradeName());
				add(fields, "certificate.pdf.address", expediente.address());
				add(fields, "certificate.pdf.activity", expediente.activity());
				add(fields, "certificate.pdf.area", area(expediente));
				add(fields, "certificate.pdf.risk", riskLevel == null ? null : text("risk." + riskLevel));
				add(fields, "certificate.pdf.validity", text("certificate.pdf.indefinite"));
			}
			case LICENCIA_EDIFICACION -> {
				// a model-declared application prints what the citizen filed, with the model's labels
				expediente.applicationData().forEach(item -> add(fields, item.label(), item.value()));
				add(fields, "certificate.pdf.address", expediente.address());
				add(fields, "certificate.pdf.work", expediente.activity());
				add(fields, "certificate.pdf.builtArea", area(expediente));
				add(fields, "certificate.pdf.validity", text("certificate.pdf.LICENCIA_EDIFICACION.validity"));
			}
			case CONSTANCIA -> {
				add(fields, "certificate.pdf.procedure",
						catalog.find(expediente.procedureKey()).map(p -> p.name()).orElse(expediente.procedureKey()));
				add(fields, "certificate.pdf.result", text("certificate.pdf.CONSTANCIA.attended"));
			}
		}
		return fields;
	}

	private static String area(ExpedienteView expediente) {
		return expediente.areaM2() == null ? null : expediente.areaM2().toPlainString() + " m²";
	}

	private static void add(List<PrintedField> fields, String label, String value) {
		if (value != null && !value.isBlank()) {
			fields.add(new PrintedField(label, value));
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, SPANISH);
	}

}
