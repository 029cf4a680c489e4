package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** An image encoded once and copied is the image PDFBox would have made for each document, mask included. */
class PdfImagesTests {

	private final PdfImages images = new PdfImages();

	@Test
	void aCopiedImageIsTheImagePdfBoxMakesWithItsTransparency() throws IOException {
		byte[] png = transparentPng();
		byte[] first = pdfWith(document -> images.embed(document, png, "escudo"));
		byte[] second = pdfWith(document -> images.embed(document, png, "escudo"));
		byte[] direct = pdfWith(document -> PDImageXObject.createFromByteArray(document, png, "escudo"));

		for (byte[] pdf : new byte[][] { first, second }) {
			try (PDDocument copied = Loader.loadPDF(pdf); PDDocument made = Loader.loadPDF(direct)) {
				PDImageXObject image = imageOf(copied);
				PDImageXObject expected = imageOf(made);
				assertThat(raw(image.getCOSObject())).isEqualTo(raw(expected.getCOSObject()));
				assertThat(image.getCOSObject().getCOSName(COSName.FILTER))
					.isEqualTo(expected.getCOSObject().getCOSName(COSName.FILTER));
				assertThat(expected.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS))
					.as("PDFBox encodes such an image with a predictor, named in a dictionary the copy must carry")
					.isNotNull();
				assertThat(String.valueOf(image.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS)))
					.isEqualTo(String.valueOf(expected.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS)));
				COSStream mask = image.getCOSObject().getCOSStream(COSName.SMASK);
				assertThat(mask).as("the transparency's mask").isNotNull();
				assertThat(raw(mask)).isEqualTo(raw(expected.getCOSObject().getCOSStream(COSName.SMASK)));
				BufferedImage pixels = image.getImage();
				assertThat(pixels.getWidth()).isEqualTo(120);
				assertThat(pixels.getRGB(5, 80) & 0xFFFFFF).isEqualTo(0xC0392B);
				assertThat(pixels.getRGB(115, 80) & 0xFFFFFF).isEqualTo(0x1F6F43);
				assertThat(image.getImage().getRGB(60, 45) & 0xFFFFFF).isEqualTo(0xFFFFFF);
			}
		}
	}

	private interface Embedding {
		PDImageXObject embed(PDDocument document) throws IOException;
	}

	private static byte[] pdfWith(Embedding embedding) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(embedding.embed(document), 100, 100, 40, 30);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static PDImageXObject imageOf(PDDocument document) throws IOException {
		var resources = document.getPage(0).getResources();
		COSName name = resources.getXObjectNames().iterator().next();
		return (PDImageXObject) resources.getXObject(name);
	}

	private static byte[] raw(COSStream stream) throws IOException {
		try (InputStream in = stream.createRawInputStream()) {
			return in.readAllBytes();
		}
	}

	/** 120 × 90, red on the left half, green on the right, the top rows see-through, a smooth white disc. */
	private static byte[] transparentPng() throws IOException {
		BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_ARGB);
		for (int x = 0; x < 120; x++) {
			for (int y = 0; y < 90; y++) {
				int alpha = y < 3 ? 0 : 0xFF;
				image.setRGB(x, y, alpha << 24 | (x < 60 ? 0xC0392B : 0x1F6F43));
			}
		}
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillOval(40, 25, 40, 40);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
