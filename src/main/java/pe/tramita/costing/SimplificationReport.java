package pe.tramita.costing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.certificate.ArchivalPdf;
import pe.tramita.certificate.Certificates;
import pe.tramita.certificate.PdfPages;
import pe.tramita.municipality.MunicipalityView;

/**
 * The "informe de simplificación" for the municipal council: one procedure before and after a redesign, with the
 * cost sheet of the version after, the fee and requirement checks and the legal basis of each, as a PDF/A signed with
 * the municipality's key. Spanish, like every document the municipality issues.
 */
@Component
class SimplificationReport {

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	private final Certificates certificates;

	SimplificationReport(MessageSource messages, Certificates certificates) {
		this.messages = messages;
		this.certificates = certificates;
	}

	byte[] pdf(MunicipalityView municipality, BeforeAfter.Comparison comparison, Costings.Costing after, Instant now) {
		String title = text("costing.report.title", comparison.procedure().name());
		try (PDDocument document = new PDDocument()) {
			try (PdfPages page = new PdfPages(document)) {
				page.paragraph(true, 14, title);
				page.paragraph(false, 10, municipality.name() + " · " + DATE.format(now.atZone(TramitaApplication.LIMA)));
				page.space(8);
				page.paragraph(true, 11, text("costing.report.comparison", comparison.before().version(),
						comparison.after().version()));
				for (BeforeAfter.Row row : comparison.rows()) {
					page.paragraph(false, 10, text("costing.compare." + row.measure()) + ": " + value(row, row.before())
							+ " → " + value(row, row.after()) + (row.change() == null ? "" : " (" + signed(row) + ")"));
				}
				page.space(8);
				if (after.sheet() != null) {
					CostSheet sheet = after.sheet();
					page.paragraph(true, 11, text("costing.report.sheet", comparison.after().version()));
					int n = 0;
					for (CostSheet.ActivityCost activity : sheet.activities()) {
						page.paragraph(false, 10, ++n + ". " + activity.activity().name() + " — "
								+ activity.activity().position() + ", " + activity.activity().minutes().toPlainString()
								+ " min × S/ " + activity.costPerMinute().toPlainString() + " = " + money(activity.cost()));
					}
					for (var element : sheet.byElement().entrySet()) {
						page.paragraph(false, 10,
								text("costing.element." + element.getKey()) + ": " + money(element.getValue()));
					}
					page.paragraph(true, 10, text("costing.total", money(sheet.total()), sheet.uitShare()));
					page.space(6);
				}
				if (after.fee() != null) {
					page.paragraph(true, 11, text("costing.feeCheck") + ": " + text("costing.fee." + after.fee().verdict()));
					FeeCheck fee = after.fee();
					page.paragraph(false, 9.5f, text("costing.fee." + fee.verdict() + ".explain", money(fee.fee()),
							money(fee.cost()), money(fee.excess()), fee.uit() == null ? "—" : money(fee.uit())));
					page.space(6);
				}
				page.paragraph(true, 11, text("costing.requirementsCheck"));
				for (RequirementCheck.Finding finding : after.requirements()) {
					page.paragraph(false, 9.5f, "• " + finding.requirement().name() + " — "
							+ text("costing.requirement." + finding.kind())
							+ (finding.rule() == null ? "" : " (" + finding.rule() + ")"));
				}
				page.space(6);
				page.paragraph(true, 11, text("costing.report.basis"));
				for (String basis : List.of("costing.report.basis.costing", "costing.report.basis.fee",
						"costing.report.basis.requirements", "costing.report.basis.burden")) {
					page.paragraph(false, 9.5f, "• " + text(basis));
				}
			}
			ArchivalPdf.makeArchival(document, title, municipality.name(), "informe de simplificación", now);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return certificates.signDocument(municipality.ubigeo(), out.toByteArray(), title);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render the report " + title, e);
		}
	}

	private static String value(BeforeAfter.Row row, BigDecimal value) {
		if (value == null) {
			return "—";
		}
		return row.unit() == BeforeAfter.Unit.MONEY ? money(value) : value.toPlainString();
	}

	private static String signed(BeforeAfter.Row row) {
		String value = value(row, row.change());
		return row.change().signum() > 0 ? "+" + value : value;
	}

	private static String money(BigDecimal amount) {
		return String.format(Locale.US, "S/ %,.2f", amount);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, SPANISH);
	}

}
