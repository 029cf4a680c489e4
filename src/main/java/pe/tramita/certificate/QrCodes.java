package pe.tramita.certificate;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

final class QrCodes {

	private QrCodes() {
	}

	static BufferedImage of(String text, int size) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
			return MatrixToImageWriter.toBufferedImage(matrix);
		}
		catch (WriterException e) {
			throw new IllegalStateException("Cannot encode QR code for " + text, e);
		}
	}

}
