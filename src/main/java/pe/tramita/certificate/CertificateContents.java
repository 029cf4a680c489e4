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
		return type == DocumentType.LICENCIA_FUNCIONAMIENTO && expediente.value("businessName") != null
				? expediente.value("businessName") : expediente.applicantName();
	}

	List<PrintedField> fields(DocumentType type, ExpedienteView expediente, String riskLevel) {
		List<PrintedField> fields = new ArrayList<>();
		switch (type) {
			case LICENCIA_FUNCIONAMIENTO -> {
				// the fields of the licence's application form (its model's start event), by id
				add(fields, "certificate.pdf.ruc", expediente.value("ruc"));
				add(fields, "certificate.pdf.tradeName", expediente.value("tradeName"));
				add(fields, "certificate.pdf.address", expediente.value("address"));
				add(fields, "certificate.pdf.activity", expediente.value("activity"));
				add(fields, "certificate.pdf.area", expediente.value("areaM2") == null ? null
						: expediente.value("areaM2") + " m²");
				add(fields, "certificate.pdf.risk", riskLevel == null ? null : text("risk." + riskLevel));
				add(fields, "certificate.pdf.validity", text("certificate.pdf.indefinite"));
			}
			case LICENCIA_EDIFICACION -> {
				// a model-declared application prints what the citizen filed, with the model's labels
				expediente.applicationData().forEach(item -> add(fields, item.label(), item.value()));
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

	private static void add(List<PrintedField> fields, String label, String value) {
		if (value != null && !value.isBlank()) {
			fields.add(new PrintedField(label, value));
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, SPANISH);
	}

}
