package pe.tramita.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text on a PDF page: PDFBox writes one line at a time, so paragraphs are broken into lines here. */
public final class PdfText {

	private PdfText() {
	}

	/** The lines, broken between words, that {@code text} takes at {@code size} within {@code maxWidth} points. */
	public static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
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
