package pe.tramita.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.LegalClock;

/** Renders a business operating licence on one A4 page, fonts embedded, with the QR code of its verification page. */
@Component
class LicencePdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final float MARGIN = 56;

	private final MessageSource messages;

	LicencePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(CertificateFacts facts) {
		Locale es = Locale.forLanguageTag("es-PE");
		try (PDDocument document = new PDDocument(); InputStream fontFile = getClass().getResourceAsStream(FONT)) {
			PDType0Font font = PDType0Font.load(document, fontFile, true);
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			describe(document, facts, es);
			float width = page.getMediaBox().getWidth();
			float top = page.getMediaBox().getHeight() - MARGIN;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				float y = top;
				y = centered(content, font, 11, text(es, "certificate.pdf.country"), width, y);
				y = centered(content, font, 16, facts.municipality().name().toUpperCase(es), width, y - 6);
				y = centered(content, font, 22, text(es, "certificate.pdf.title"), width, y - 24);
				y = centered(content, font, 13, text(es, "certificate.pdf.number", facts.number()), width, y - 8);
				y -= 18;
				y = paragraph(content, font, 10.5f, text(es, "certificate.pdf.preamble"), width, y);
				y -= 10;
				var e = facts.expediente();
				y = field(content, font, text(es, "certificate.pdf.holder"), e.businessName(), y);
				y = field(content, font, text(es, "certificate.pdf.ruc"), e.ruc(), y);
				if (e.tradeName() != null) {
					y = field(content, font, text(es, "certificate.pdf.tradeName"), e.tradeName(), y);
				}
				y = field(content, font, text(es, "certificate.pdf.address"), e.address(), y);
				y = field(content, font, text(es, "certificate.pdf.activity"), e.activity(), y);
				y = field(content, font, text(es, "certificate.pdf.area"), e.areaM2().toPlainString() + " m²", y);
				y = field(content, font, text(es, "certificate.pdf.risk"), text(es, "risk." + facts.riskLevel()), y);
				y = field(content, font, text(es, "certificate.pdf.case"), e.caseNumber(), y);
				y = field(content, font, text(es, "certificate.pdf.issued"),
						DATE.format(facts.issuedAt().atZone(LegalClock.LIMA)), y);
				y = field(content, font, text(es, "certificate.pdf.validity"), text(es, "certificate.pdf.indefinite"), y);
				y -= 10;
				paragraph(content, font, 9, text(es, "certificate.pdf.legalBasis"), width, y);

				PDImageXObject qr = LosslessFactory.createFromImage(document, QrCodes.of(facts.verificationUrl(), 300));
				float qrSize = 110;
				content.drawImage(qr, MARGIN, MARGIN + 20, qrSize, qrSize);
				float textX = MARGIN + qrSize + 16;
				line(content, font, 10, textX, MARGIN + 100, text(es, "certificate.pdf.verify"));
				line(content, font, 10, textX, MARGIN + 84, facts.verificationUrl());
				line(content, font, 12, textX, MARGIN + 64,
						text(es, "certificate.pdf.code", facts.verificationCode()));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render certificate " + facts.number(), e);
		}
	}

	private void describe(PDDocument document, CertificateFacts facts, Locale es) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(text(es, "certificate.pdf.title") + " " + facts.number());
		info.setAuthor(facts.municipality().name());
		info.setCreator("Tramita");
		Calendar created = GregorianCalendar.from(facts.issuedAt().atZone(LegalClock.LIMA));
		info.setCreationDate(created);
		info.setModificationDate(created);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static float centered(PDPageContentStream content, PDType0Font font, float size, String text, float width,
			float y) throws IOException {
		float textWidth = font.getStringWidth(text) / 1000 * size;
		line(content, font, size, (width - textWidth) / 2, y - size, text);
		return y - size * 1.3f;
	}

	private static float field(PDPageContentStream content, PDType0Font font, String label, String value, float y)
			throws IOException {
		float size = 11;
		line(content, font, 9, MARGIN, y - size, label.toUpperCase(Locale.ROOT));
		List<String> lines = wrap(font, size, value, 330);
		float lineY = y - size;
		for (String text : lines) {
			line(content, font, size, MARGIN + 160, lineY, text);
			lineY -= size * 1.35f;
		}
		return lineY - 4;
	}

	private static float paragraph(PDPageContentStream content, PDType0Font font, float size, String text, float width,
			float y) throws IOException {
		float lineY = y - size;
		for (String line : wrap(font, size, text, width - 2 * MARGIN)) {
			line(content, font, size, MARGIN, lineY, line);
			lineY -= size * 1.4f;
		}
		return lineY;
	}

	private static void line(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

	static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : text.split("\\s+")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > maxWidth && !current.isEmpty()) {
				lines.add(current.toString());
				current = new StringBuilder(word);
			}
			else {
				current = new StringBuilder(candidate);
			}
		}
		if (!current.isEmpty()) {
			lines.add(current.toString());
		}
		return lines;
	}

}
