package pe.tramita.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Procedure.Form;
import pe.tramita.certificate.PdfText;
import pe.tramita.municipality.MunicipalityView;

/**
 * The blank form of a requirement (a sworn statement) as an A4 PDF to print, fill in by hand, sign and upload: the
 * municipality and procedure on top, the blanks, what the signer declares, the closing sentence, place, date and
 * signature. New pages as the text needs them.
 */
@Component
class RequirementForms {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final String BOLD_FONT = "/fonts/LiberationSans-Bold.ttf";

	private static final float MARGIN = 56;

	private static final float SIZE = 10.5f;

	byte[] pdf(MunicipalityView municipality, Procedure procedure, Form form) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(form.title());
			info.setAuthor(municipality.name());
			Sheet sheet = new Sheet(document, font(document, FONT), font(document, BOLD_FONT));
			try {
				sheet.centered(true, 12, municipality.name());
				sheet.centered(false, SIZE, procedure.name());
				sheet.space(10);
				sheet.paragraph(true, 14, form.title());
				sheet.space(8);
				sheet.paragraph(false, SIZE, "Yo, quien suscribe:");
				for (String blank : form.fill()) {
					sheet.blank(blank);
				}
				sheet.space(8);
				sheet.paragraph(true, SIZE, "DECLARO BAJO JURAMENTO:");
				int item = 0;
				for (String statement : form.declares()) {
					sheet.paragraph(false, SIZE, ++item + ". " + statement);
					sheet.space(2);
				}
				sheet.space(6);
				sheet.paragraph(false, SIZE, form.closing());
				sheet.space(10);
				sheet.blank("Lugar y fecha");
				sheet.space(24);
				sheet.blank("Firma");
				sheet.blank("Nombres y apellidos, DNI");
			}
			finally {
				sheet.close();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render the form " + form.title(), e);
		}
	}

	private static PDType0Font font(PDDocument document, String resource) throws IOException {
		try (InputStream file = RequirementForms.class.getResourceAsStream(resource)) {
			return PDType0Font.load(document, file, true);
		}
	}

	/** Writes top to bottom, starting a new page when the next line does not fit. */
	private static final class Sheet {

		private final PDDocument document;

		private final PDType0Font font;

		private final PDType0Font bold;

		private PDPageContentStream content;

		private float y;

		private final float width = PDRectangle.A4.getWidth();

		Sheet(PDDocument document, PDType0Font font, PDType0Font bold) throws IOException {
			this.document = document;
			this.font = font;
			this.bold = bold;
			newPage();
		}

		void centered(boolean strong, float size, String text) throws IOException {
			PDType0Font face = strong ? bold : font;
			for (String line : PdfText.wrap(face, size, text, width - 2 * MARGIN)) {
				room(size * 1.4f);
				write(face, size, (width - face.getStringWidth(line) / 1000 * size) / 2, line);
			}
		}

		void paragraph(boolean strong, float size, String text) throws IOException {
			PDType0Font face = strong ? bold : font;
			for (String line : PdfText.wrap(face, size, text, width - 2 * MARGIN)) {
				room(size * 1.4f);
				write(face, size, MARGIN, line);
			}
		}

		/** A label and a line to write on. */
		void blank(String label) throws IOException {
			room(SIZE * 2.1f);
			write(font, SIZE, MARGIN, label + ":");
			float labelEnd = MARGIN + font.getStringWidth(label + ": ") / 1000 * SIZE;
			// a long label gets its line beside it all the same, as long as a third of the width is left to write on
			float start = Math.min(labelEnd, width * 2 / 3);
			if (labelEnd > width * 2 / 3) {
				room(SIZE * 1.8f);
			}
			content.moveTo(start, y - 2);
			content.lineTo(width - MARGIN, y - 2);
			content.stroke();
			y -= SIZE * 0.8f;
		}

		void space(float points) {
			y -= points;
		}

		void close() throws IOException {
			content.close();
		}

		private void write(PDType0Font face, float size, float x, String text) throws IOException {
			content.beginText();
			content.setFont(face, size);
			content.newLineAtOffset(x, y);
			content.showText(text);
			content.endText();
		}

		/** Moves down one line of {@code height}, on a new page when this one has no room left. */
		private void room(float height) throws IOException {
			if (y - height < MARGIN) {
				content.close();
				newPage();
			}
			y -= height;
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			content.setLineWidth(0.5f);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

	}

}
