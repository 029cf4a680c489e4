package pe.tramita.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

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

	/** A PNG with an alpha channel, as coats of arms usually come: a filled circle on a transparent square. */
	public static byte[] pngWithTransparency() {
		BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x00, 0x66, 0x33, 0xCC));
		g.fillOval(10, 10, 100, 100);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
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
