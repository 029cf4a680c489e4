package pe.tramita.certificate;

import java.io.IOException;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text written top to bottom on A4 pages in Liberation Sans (embedded), a new page when the next line does not fit:
 * for documents that are lines and paragraphs (blank forms, reports) rather than a laid-out certificate.
 */
public final class PdfPages implements AutoCloseable {

	private static final float MARGIN = 56;

	private final PDDocument document;

	private final PDType0Font font;

	private final PDType0Font bold;

	private final float width = PDRectangle.A4.getWidth();

	private PDPageContentStream content;

	private float y;

	public PdfPages(PDDocument document) throws IOException {
		this.document = document;
		this.font = font(document, PdfFonts.REGULAR);
		this.bold = font(document, PdfFonts.BOLD);
		newPage();
	}

	/** A paragraph from the left margin, broken into lines. */
	public void paragraph(boolean strong, float size, String text) throws IOException {
		PDType0Font face = strong ? bold : font;
		for (String line : PdfText.wrap(face, size, text, width - 2 * MARGIN)) {
			room(size * 1.45f);
			write(face, size, MARGIN, line);
		}
	}

	public void centered(boolean strong, float size, String text) throws IOException {
		PDType0Font face = strong ? bold : font;
		for (String line : PdfText.wrap(face, size, text, width - 2 * MARGIN)) {
			room(size * 1.45f);
			write(face, size, (width - face.getStringWidth(line) / 1000 * size) / 2, line);
		}
	}

	/** A label and a line to write on by hand, beside it or, for a long label, below it. */
	public void blank(String label, float size) throws IOException {
		room(size * 2.1f);
		write(font, size, MARGIN, label + ":");
		float labelEnd = MARGIN + font.getStringWidth(label + ": ") / 1000 * size;
		float start = Math.min(labelEnd, width * 2 / 3);
		if (labelEnd > width * 2 / 3) {
			room(size * 1.8f);
		}
		content.moveTo(start, y - 2);
		content.lineTo(width - MARGIN, y - 2);
		content.stroke();
		y -= size * 0.8f;
	}

	public void space(float points) {
		y -= points;
	}

	@Override
	public void close() throws IOException {
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

	private static PDType0Font font(PDDocument document, String resource) throws IOException {
		TrueTypeFont font = PdfFonts.parse(resource);
		document.registerTrueTypeFontForClosing(font); // the subset is taken from it when the document is saved
		return PDType0Font.load(document, font, true);
	}

}
