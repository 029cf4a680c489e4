package pe.tramita.certificate;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.request.ExpedienteView;

/** What each document type prints about its case: the holder and the labelled lines, in Spanish. */
@Component
class CertificateContents {

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private final MessageSource messages;

	/** Longest answer printed on a constancia's one page; the whole text stays on the case. */
	static final int MAX_ANSWER = 900;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final ProcedureCatalog catalog;

	private final Documents documents;

	private final BusinessCalendar calendar;

	CertificateContents(MessageSource messages, ProcedureCatalog catalog, Documents documents,
			BusinessCalendar calendar) {
		this.messages = messages;
		this.catalog = catalog;
		this.documents = documents;
		this.calendar = calendar;
	}

	/** The office whose signatory signs: reception signs the receipt, the deciding office everything else. */
	String signingOffice(DocumentType type, ExpedienteView expediente) {
		return catalog.find(expediente.procedureKey())
			.map(p -> type == DocumentType.CARGO_RECEPCION ? p.receivingOffice() : p.decidingOffice())
			.orElse(null);
	}

	/** The receipt: what was filed, when, every file with its size and SHA-256, the term and the silence rule. */
	List<PrintedField> receiptFields(ExpedienteView expediente) {
		List<PrintedField> fields = new ArrayList<>();
		Procedure procedure = catalog.find(expediente.procedureKey()).orElse(null);
		add(fields, "certificate.pdf.procedure", procedure == null ? expediente.procedureKey() : procedure.name());
		add(fields, "certificate.pdf.filedAt", DATE_TIME.format(expediente.filedAt().atZone(TramitaApplication.LIMA)));
		if (expediente.dueDate() != null) {
			int term = calendar.businessDaysBetween(expediente.filedAt().atZone(TramitaApplication.LIMA).toLocalDate(),
					expediente.dueDate(), expediente.ubigeo());
			add(fields, "certificate.pdf.term", messages.getMessage("certificate.pdf.termDays", new Object[] { term },
					SPANISH));
			add(fields, "certificate.pdf.dueDate", DATE.format(expediente.dueDate()));
		}
		if (procedure != null) {
			add(fields, "certificate.pdf.silence", text("certificate.pdf.silence." + procedure.silence().name()));
		}
		List<DocumentView> filed = documents.listFor(expediente.id()).stream()
			.filter(document -> document.uploadedBy() == null)
			.toList();
		if (filed.isEmpty()) {
			add(fields, "certificate.pdf.documents", text("certificate.pdf.noDocuments"));
		}
		for (DocumentView document : filed) {
			add(fields, "certificate.pdf.document", describe(document));
		}
		return fields;
	}

	/** Name, size and SHA-256 in groups of eight, so that the line can wrap. */
	private String describe(DocumentView document) {
		String hash = String.join(" ", document.sha256().split("(?<=\\G.{8})"));
		return messages.getMessage("certificate.pdf.documentLine",
				new Object[] { document.fileName(), document.sizeBytes(), hash }, SPANISH);
	}

	String holder(DocumentType type, ExpedienteView expediente) {
		return type == DocumentType.LICENCIA_FUNCIONAMIENTO && expediente.value("businessName") != null
				? expediente.value("businessName") : expediente.applicantName();
	}

	List<PrintedField> fields(DocumentType type, ExpedienteView expediente, String riskLevel, String answer) {
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
				add(fields, "certificate.pdf.answer", answer == null || answer.length() <= MAX_ANSWER ? answer
						: answer.substring(0, MAX_ANSWER) + " " + text("certificate.pdf.answerContinues"));
				documents.listFor(expediente.id()).stream()
					.filter(DocumentView::forCitizen)
					.forEach(document -> add(fields, "certificate.pdf.delivered", describe(document)));
			}
			case CARGO_RECEPCION -> fields.addAll(receiptFields(expediente));
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
