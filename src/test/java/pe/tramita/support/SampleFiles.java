package pe.tramita.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.mock.web.MockMultipartFile;

/** Real files as a citizen would upload them, and a few that must be refused. */
public final class SampleFiles {

	private SampleFiles() {
	}

	public static byte[] pdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The start of a Windows executable ("MZ" header), whatever its name says. */
	public static byte[] exe() {
		byte[] content = new byte[2048];
		content[0] = 'M';
		content[1] = 'Z';
		return content;
	}

	public static MockMultipartFile part(String name, String fileName, String contentType, byte[] content) {
		return new MockMultipartFile(name, fileName, contentType, content);
	}

}
