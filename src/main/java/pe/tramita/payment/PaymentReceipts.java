package pe.tramita.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.Procedure;
import pe.tramita.certificate.ArchivalPdf;
import pe.tramita.certificate.Certificates;
import pe.tramita.certificate.PdfPages;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.Expedientes;
import pe.tramita.web.Formats;

/**
 * The citizen's receipt of payment (constancia de pago) of a paid order: PDF/A signed with the municipality's key,
 * like its certificates, for the case's number and access code only. Spanish, like every document it issues.
 */
@Component
public class PaymentReceipts {

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private final Expedientes expedientes;

	private final PaymentOrders orders;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final Certificates certificates;

	private final MessageSource messages;

	private final Formats formats;

	private final LegalClock clock;

	PaymentReceipts(Expedientes expedientes, PaymentOrders orders, Municipalities municipalities,
			ProcedureCatalog catalog, Certificates certificates, MessageSource messages, Formats formats,
			LegalClock clock) {
		this.expedientes = expedientes;
		this.orders = orders;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.certificates = certificates;
		this.messages = messages;
		this.formats = formats;
		this.clock = clock;
	}

	/** The receipt, when the number and code open a case whose order is paid. */
	public Optional<byte[]> forCitizen(String caseNumber, String accessCode) {
		return expedientes.findForCitizen(caseNumber, accessCode)
			.flatMap(expediente -> orders.forCase(expediente.id()))
			.filter(PaymentOrder::paid)
			.map(this::pdf);
	}

	byte[] pdf(PaymentOrder order) {
		MunicipalityView municipality = municipalities.get(order.ubigeo());
		String title = text("payment.receipt.title");
		PaymentOrder.Payment payment = order.payment();
		try (PDDocument document = new PDDocument()) {
			try (PdfPages page = new PdfPages(document)) {
				page.centered(true, 13, municipality.name());
				page.centered(true, 15, title);
				page.space(10);
				page.paragraph(false, 11, text("payment.receipt.case", order.caseNumber()));
				page.paragraph(false, 11, text("payment.receipt.procedure",
						catalog.find(order.procedureKey()).map(Procedure::name).orElse(order.procedureKey())));
				page.paragraph(false, 11, text("payment.receipt.applicant", order.applicantName(),
						order.documentNumber() == null ? "—" : order.documentNumber()));
				page.paragraph(false, 11, text("payment.receipt.code", order.groupedCode()));
				page.space(6);
				page.paragraph(true, 12, text("payment.receipt.amount", formats.money(payment.amount())));
				page.paragraph(false, 11, text("payment.receipt.paid", formats.date(payment.paidOn()),
						text("payment.channel." + payment.channel()), payment.receiptNumber()));
				page.paragraph(false, 11, text("payment.receipt.recorded", formats.dateTime(payment.recordedAt())));
				page.space(10);
				page.paragraph(false, 9.5f, text("payment.receipt.note"));
			}
			ArchivalPdf.makeArchival(document, title + " " + order.caseNumber(), municipality.name(),
					"constancia de pago", clock.instant());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return certificates.signDocument(order.ubigeo(), out.toByteArray(), title + " " + order.caseNumber());
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render the receipt of payment of " + order.caseNumber(), e);
		}
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, SPANISH);
	}

}
