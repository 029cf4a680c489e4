package pe.tramita.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A model's BPMN XML as the diagrams fetch it and staff download it: always a file to save, never a document for the
 * browser to render — an XML document may carry XHTML script or a stylesheet, and would run it on our origin.
 */
public final class ModelDownloads {

	private ModelDownloads() {
	}

	public static ResponseEntity<String> bpmn(String xml, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.cacheControl(CacheControl.noStore())
			.body(xml);
	}

}
