package pe.tramita.certificate;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

final class QrCodes {

	private QrCodes() {
	}

	/** One bit per module, quiet zone of one module included: for drawing the code as vector squares. */
	static BitMatrix modules(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
		}
		catch (WriterException e) {
			throw new IllegalStateException("Cannot encode QR code for " + text, e);
		}
	}

}
