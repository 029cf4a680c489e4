package pe.tramita.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file (a citizen's document, a receipt, a mail attachment) as it leaves: its own type, never sniffed as
 * another, never cached, shown in the browser ({@link #inline}) or saved ({@link #attachment}).
 */
public final class FileDownloads {

	private FileDownloads() {
	}

	public static ResponseEntity<byte[]> attachment(byte[] content, String fileName, String contentType) {
		return file(content, ContentDisposition.attachment(), fileName, contentType);
	}

	public static ResponseEntity<byte[]> inline(byte[] content, String fileName, String contentType) {
		return file(content, ContentDisposition.inline(), fileName, contentType);
	}

	private static ResponseEntity<byte[]> file(byte[] content, ContentDisposition.Builder disposition, String fileName,
			String contentType) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(content);
	}

}
