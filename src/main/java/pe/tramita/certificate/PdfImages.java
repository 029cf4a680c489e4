package pe.tramita.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Images (a municipality's coat of arms) as PDF image streams, encoded once per image and copied into each document.
 * PDFBox otherwise decodes the PNG and tries its compression predictors for every document: 3 % of the application's
 * CPU under the benchmark's load (issue 20). The copy is the stream PDFBox made, byte for byte.
 */
final class PdfImages {

	/** A few images per municipality at most; forgotten all at once past this. */
	private static final int KEPT = 500;

	private final Map<ByteBuffer, Encoded> encoded = new ConcurrentHashMap<>();

	/** An image stream's dictionary (without its length and mask), its encoded bytes and its mask's, if any. */
	private record Encoded(Map<COSName, COSBase> entries, byte[] bytes, Encoded mask) {
	}

	PDImageXObject embed(PDDocument document, byte[] image, String name) throws IOException {
		ByteBuffer key = ByteBuffer.wrap(image);
		Encoded known = encoded.get(key);
		if (known == null) {
			try (PDDocument scratch = new PDDocument()) {
				PDImageXObject made = PDImageXObject.createFromByteArray(scratch, image, name);
				known = encode(made.getCOSObject());
			}
			if (known == null) {
				// a stream referring to other objects (an ICC profile): made for this document as it comes
				return PDImageXObject.createFromByteArray(document, image, name);
			}
			if (encoded.size() >= KEPT) {
				encoded.clear();
			}
			encoded.put(ByteBuffer.wrap(image.clone()), known);
		}
		return new PDImageXObject(new PDStream(copy(document, known)), null);
	}

	private static Encoded encode(COSStream stream) throws IOException {
		Map<COSName, COSBase> entries = new LinkedHashMap<>();
		for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
			if (!COSName.LENGTH.equals(entry.getKey()) && !COSName.SMASK.equals(entry.getKey())) {
				if (!copyable(entry.getValue())) {
					return null;
				}
				entries.put(entry.getKey(), entry.getValue());
			}
		}
		Encoded mask = null;
		COSBase maskStream = stream.getDictionaryObject(COSName.SMASK);
		if (maskStream instanceof COSStream smask) {
			mask = encode(smask);
			if (mask == null) {
				return null;
			}
		}
		try (InputStream raw = stream.createRawInputStream()) {
			return new Encoded(entries, raw.readAllBytes(), mask);
		}
	}

	/** Names, numbers and small dictionaries or arrays of them; not streams or references to other objects. */
	private static boolean copyable(COSBase value) {
		if (value instanceof COSStream || value instanceof COSObject) {
			return false;
		}
		if (value instanceof COSDictionary dictionary) {
			return dictionary.getValues().stream().allMatch(PdfImages::copyable);
		}
		if (value instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				if (!copyable(array.get(i))) {
					return false;
				}
			}
		}
		return true;
	}

	private static COSStream copy(PDDocument document, Encoded encoded) throws IOException {
		COSStream stream = document.getDocument().createCOSStream();
		encoded.entries().forEach((key, value) -> stream.setItem(key, fresh(value)));
		try (OutputStream out = stream.createRawOutputStream()) {
			out.write(encoded.bytes());
		}
		if (encoded.mask() != null) {
			stream.setItem(COSName.SMASK, copy(document, encoded.mask()));
		}
		return stream;
	}

	/** Dictionaries and arrays are made anew for each document: PDFBox tracks their changes per document. */
	private static COSBase fresh(COSBase value) {
		if (value instanceof COSDictionary dictionary) {
			COSDictionary copy = new COSDictionary();
			dictionary.entrySet().forEach(entry -> copy.setItem(entry.getKey(), fresh(entry.getValue())));
			return copy;
		}
		if (value instanceof COSArray array) {
			COSArray copy = new COSArray();
			for (int i = 0; i < array.size(); i++) {
				copy.add(fresh(array.get(i)));
			}
			return copy;
		}
		return value;
	}

}
