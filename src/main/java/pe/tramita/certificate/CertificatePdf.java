package pe.tramita.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.google.zxing.common.BitMatrix;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;

/**
 * Renders a certificate on one A4 page as PDF/A-2b: fonts embedded, sRGB output intent, XMP metadata that matches
 * the document information. The signature is added afterwards by {@link PdfSigner}.
 */
@Component
class CertificatePdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private static final float MARGIN = 56;

	private final MessageSource messages;

	/** As many parsed fonts as certificates were ever rendered at once. */
	private final Queue<Fonts> idleFonts = new ConcurrentLinkedQueue<>();

	private final PdfImages images = new PdfImages();

	CertificatePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(CertificateFacts facts) {
		Fonts fonts = idleFonts.poll();
		try (PDDocument document = new PDDocument()) {
			if (fonts == null) {
				fonts = Fonts.parse();
			}
			PDType0Font font = PDType0Font.load(document, fonts.regular(), true);
			PDType0Font bold = PDType0Font.load(document, fonts.bold(), true);
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			makeArchival(document, facts);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				new Layout(content, font, bold, page.getMediaBox()).draw(document, facts);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render certificate " + facts.number(), e);
		}
		finally {
			if (fonts != null) {
				idleFonts.offer(fonts);
			}
		}
	}

	/** The two fonts parsed once: parsing costs more than the rest of the page. Not thread-safe, hence pooled. */
	private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {

		static Fonts parse() throws IOException {
			return new Fonts(PdfFonts.parse(PdfFonts.REGULAR), PdfFonts.parse(PdfFonts.BOLD));
		}

	}

	/** PDF/A-2b, titled with the document type and number. */
	private void makeArchival(PDDocument document, CertificateFacts facts) throws IOException {
		ArchivalPdf.makeArchival(document, text(facts.documentType().messageKey("title")) + " " + facts.number(),
				facts.municipality().name(), facts.keywords(), facts.issuedAt());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, SPANISH);
	}

	/** The document type's own wording where it has one, the general one otherwise. */
	private String textOr(String ownKey, String generalKey, Object... args) {
		return messages.getMessage(ownKey, args, text(generalKey, args), SPANISH);
	}

	/** Draws the page top-down; {@code y} is the top of the next line. */
	private final class Layout {

		private final PDPageContentStream content;

		private final PDType0Font font;

		private final PDType0Font bold;

		private final float width;

		private float y;

		Layout(PDPageContentStream content, PDType0Font font, PDType0Font bold, PDRectangle box) {
			this.content = content;
			this.font = font;
			this.bold = bold;
			this.width = box.getWidth();
			this.y = box.getHeight() - MARGIN + 16;
		}

		void draw(PDDocument document, CertificateFacts facts) throws IOException {
			DocumentType type = facts.documentType();
			if (facts.signatory().coatOfArms() != null) {
				PDImageXObject arms = images.embed(document, facts.signatory().coatOfArms(), "escudo");
				float height = 58;
				float armsWidth = height * arms.getWidth() / arms.getHeight();
				content.drawImage(arms, (width - armsWidth) / 2, y - height, armsWidth, height);
				y -= height + 6;
			}
			centered(font, 10, text("certificate.pdf.country"));
			centered(bold, 15, facts.municipality().name().toUpperCase(SPANISH));
			y -= 16;
			centered(bold, 20, text(type.messageKey("title")));
			centered(font, 13, text("certificate.pdf.number", facts.number()));
			y -= 12;
			paragraph(font, 10.5f, text(type.messageKey("preamble")));
			y -= 8;
			field(text("certificate.pdf.holder"), facts.holder());
			for (PrintedField printed : facts.fields()) {
				field(messages.getMessage(printed.label(), null, printed.label(), SPANISH), printed.value());
			}
			field(text("certificate.pdf.case"), facts.caseNumber());
			field(text("certificate.pdf.issued"), DATE.format(facts.issuedAt().atZone(TramitaApplication.LIMA)));
			if (facts.replacesNumber() != null) {
				y -= 4;
				paragraph(bold, 10, text("certificate.pdf.replaces", facts.replacesNumber()));
			}
			if (facts.legend() != null) {
				legend(text(facts.legend()));
			}
			y -= 6;
			paragraph(font, 8.5f, text(type.messageKey("legalBasis")));
			signatory(facts);
			verification(facts);
		}

		private void legend(String text) throws IOException {
			List<String> lines = PdfText.wrap(bold, 10, text, width - 2 * MARGIN - 20);
			float height = lines.size() * 14 + 12;
			y -= 8;
			content.addRect(MARGIN, y - height, width - 2 * MARGIN, height);
			content.stroke();
			float lineY = y - 16;
			for (String line : lines) {
				line(bold, 10, MARGIN + 10, lineY, line);
				lineY -= 14;
			}
			y -= height + 4;
		}

		private void signatory(CertificateFacts facts) throws IOException {
			float x = width / 2 + 40;
			float lineY = MARGIN + 118;
			line(font, 9, x, lineY, text("certificate.pdf.signedBy"));
			Signatory signatory = facts.signatory();
			if (signatory.officerName() != null) {
				line(bold, 10.5f, x, lineY -= 15, signatory.officerName());
			}
			if (signatory.officerTitle() != null) {
				line(font, 9.5f, x, lineY -= 13, signatory.officerTitle());
			}
			for (String part : PdfText.wrap(font, 9.5f, facts.municipality().name(), width - MARGIN - x)) {
				line(font, 9.5f, x, lineY -= 13, part);
			}
		}

		private void verification(CertificateFacts facts) throws IOException {
			float qrSize = 96;
			qrCode(QrCodes.modules(facts.verificationUrl()), MARGIN, MARGIN - 10, qrSize);
			float textX = MARGIN + qrSize + 12;
			DocumentType type = facts.documentType();
			line(font, 9, textX, MARGIN + 60, textOr(type.messageKey("verify"), "certificate.pdf.verify"));
			line(font, 9, textX, MARGIN + 46, facts.verificationUrl());
			line(bold, 11, textX, MARGIN + 28, textOr(type.messageKey("code"), "certificate.pdf.code",
					facts.verificationCode()));
		}

		/** The QR code as vector squares, one run of dark modules per rectangle: sharp at any print resolution. */
		private void qrCode(BitMatrix modules, float x, float y, float size) throws IOException {
			float module = size / modules.getWidth();
			for (int row = 0; row < modules.getHeight(); row++) {
				int column = 0;
				while (column < modules.getWidth()) {
					if (!modules.get(column, row)) {
						column++;
						continue;
					}
					int start = column;
					while (column < modules.getWidth() && modules.get(column, row)) {
						column++;
					}
					content.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
				}
			}
			content.fill();
		}

		private void centered(PDType0Font face, float size, String text) throws IOException {
			float textWidth = face.getStringWidth(text) / 1000 * size;
			line(face, size, (width - textWidth) / 2, y - size, text);
			y -= size * 1.35f;
		}

		private void field(String label, String value) throws IOException {
			float size = 11;
			line(font, 8.5f, MARGIN, y - size, label.toUpperCase(SPANISH));
			float lineY = y - size;
			for (String text : PdfText.wrap(font, size, value, width - 2 * MARGIN - 160)) {
				line(font, size, MARGIN + 160, lineY, text);
				lineY -= size * 1.35f;
			}
			y = lineY - 3;
		}

		private void paragraph(PDType0Font face, float size, String text) throws IOException {
			for (String line : PdfText.wrap(face, size, text, width - 2 * MARGIN)) {
				line(face, size, MARGIN, y - size, line);
				y -= size * 1.4f;
			}
		}

		private void line(PDType0Font face, float size, float x, float baseline, String text) throws IOException {
			content.beginText();
			content.setFont(face, size);
			content.newLineAtOffset(x, baseline);
			content.showText(text);
			content.endText();
		}

	}

}
