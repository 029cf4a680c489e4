package pe.tramita.certificate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.web.NotFoundException;

/** Public verification: anyone with the code (printed, or in the QR) sees the certificate's facts and status. */
@Controller
class VerificationController {

	private final Certificates certificates;

	VerificationController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/verificar")
	String form(@RequestParam(name = "codigo", required = false) String code) {
		if (code != null && !code.isBlank()) {
			return "redirect:/verificar/" + code.strip().toUpperCase(java.util.Locale.ROOT);
		}
		return "certificate/verify-form";
	}

	@GetMapping("/verificar/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("certificate", certificates.findByCode(code).orElse(null));
		return "certificate/verify";
	}

	@GetMapping("/verificar/{code}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code) {
		Certificates.PdfFile pdf = certificates.pdf(code)
			.orElseThrow(() -> new NotFoundException("certificate " + code));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("licencia-" + pdf.number() + ".pdf")
				.build()
				.toString())
			.body(pdf.content());
	}

}
