package pe.tramita.certificate;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadRejectedException;
import pe.tramita.document.UploadedFile;
import pe.tramita.web.NotFoundException;

/**
 * Public verification: anyone with the code (printed, or in the QR) sees the certificate's facts and status, and
 * anyone with the file learns whether it is the original, unmodified one. Uploaded files are not kept.
 */
@Controller
class VerificationController {

	private final Certificates certificates;

	private final Documents documents;

	private final MessageSource messages;

	/** What a verification code can be made of; anything else is not one (and never reaches a redirect). */
	private static final String VERIFICATION_CODE = "[A-Z0-9-]{1,40}";

	VerificationController(Certificates certificates, Documents documents, MessageSource messages) {
		this.certificates = certificates;
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/verificar")
	String form(@RequestParam(name = "codigo", required = false) String code, Model model,
			HttpServletResponse response) {
		String typed = code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		if (typed.matches(VERIFICATION_CODE)) {
			return "redirect:/verificar/" + typed;
		}
		if (!typed.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("code", code.strip());
			return "certificate/verify";
		}
		return "certificate/verify-form";
	}

	@GetMapping("/verificar/{code}")
	String verify(@PathVariable String code, Model model, HttpServletResponse response) {
		model.addAttribute("code", code);
		CertificateView certificate = certificates.findByCode(code).orElse(null);
		if (certificate == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("certificate", certificate);
		return "certificate/verify";
	}

	@PostMapping("/verificar/archivo")
	String checkFile(@RequestParam(name = "archivo", required = false) MultipartFile file, Model model,
			Locale locale, HttpServletResponse response) {
		try {
			UploadedFile upload = documents.validate("verificacion", file)
				.orElseThrow(() -> new UploadRejectedException("upload.empty", ""));
			if (upload.kind() != FileKind.PDF) {
				throw new UploadRejectedException("verify.file.notPdf", upload.fileName());
			}
			model.addAttribute("check", certificates.check(upload.content()));
		}
		catch (UploadRejectedException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("fileProblem", messages.getMessage(e.messageKey(),
					new Object[] { e.fileName(), documents.maxSize().toMegabytes() }, locale));
		}
		return "certificate/file-check";
	}

	@GetMapping("/verificar/{code}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code) {
		Certificates.PdfFile pdf = certificates.pdf(code)
			.orElseThrow(() -> new NotFoundException("certificate " + code));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(pdf.number() + ".pdf").build().toString())
			.body(pdf.content());
	}

}
