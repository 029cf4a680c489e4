package pe.tramita.certificate;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Liberation Sans, the documents' embedded font, parsed without glyph substitution. PDFBox otherwise applies the
 * font's GSUB table to every string it shows, compiling a regular expression for each one: half of a certificate's
 * rendering time (issue 20's profile; signed certificates a second on one thread 45 → 87). Spanish text in this font
 * needs no substitution.
 */
final class PdfFonts {

	static final String REGULAR = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	static final String BOLD = "/fonts/LiberationSans-Bold.ttf";

	private PdfFonts() {
	}

	static TrueTypeFont parse(String resource) throws IOException {
		try (InputStream file = PdfFonts.class.getResourceAsStream(resource)) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file.readAllBytes()));
			font.setEnableGsub(false);
			return font;
		}
	}

}
