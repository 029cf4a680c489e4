package pe.tramita.certificate;

import java.io.IOException;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.municipality.Municipalities;
import pe.tramita.office.OfficeDirectory;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * The municipality's issued documents for its staff: search them; management revokes or re-issues them and sets
 * who signs and which coat of arms is printed. Another municipality's documents do not exist here.
 */
@Controller
class CertificateOfficeController {

	private final Certificates certificates;

	private final Signatories signatories;

	private final Municipalities municipalities;

	private final OfficeDirectory offices;

	CertificateOfficeController(Certificates certificates, Signatories signatories, Municipalities municipalities,
			OfficeDirectory offices) {
		this.offices = offices;
		this.certificates = certificates;
		this.signatories = signatories;
		this.municipalities = municipalities;
	}

	@GetMapping("/bandeja/certificados")
	String list(@RequestParam(name = "numero", required = false) String number, @AuthenticationPrincipal StaffUser officer,
			Model model) {
		model.addAttribute("certificates", certificates.listFor(officer, number));
		model.addAttribute("number", number);
		model.addAttribute("canManage", Certificates.canRevoke(officer));
		model.addAttribute("municipalities", officer.municipalities().stream().sorted().map(municipalities::get).toList());
		return "certificate/office-list";
	}

	@GetMapping("/bandeja/certificados/{code}")
	String detail(@PathVariable String code, @AuthenticationPrincipal StaffUser officer, Model model) {
		model.addAttribute("certificate", certificates.findForOfficer(code, officer));
		model.addAttribute("canManage", Certificates.canRevoke(officer));
		return "certificate/office-detail";
	}

	@PostMapping("/bandeja/certificados/{code}/revocar")
	String revoke(@PathVariable String code, @RequestParam(name = "motivo", required = false) String reason,
			@RequestParam(name = "confirmo", defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal StaffUser officer, RedirectAttributes redirect) {
		// a revocation cannot be undone: the officer says so in the form, not in one click
		if (!confirmed) {
			rejected(redirect, "certificates.revoke.unconfirmed", reason);
			return "redirect:/bandeja/certificados/" + code;
		}
		try {
			CertificateView revoked = certificates.revoke(code, reason, officer);
			redirect.addFlashAttribute("message", "certificates.revoked");
			redirect.addFlashAttribute("messageArgument", revoked.number());
		}
		catch (CertificateChangeRejectedException e) {
			rejected(redirect, e.messageKey(), reason);
		}
		catch (CertificateAlreadyRevokedException e) {
			redirect.addFlashAttribute("problem", "certificates.alreadyRevoked");
		}
		return "redirect:/bandeja/certificados/" + code;
	}

	@PostMapping("/bandeja/certificados/{code}/reemitir")
	String reissue(@PathVariable String code, @RequestParam(name = "motivo", required = false) String reason,
			@RequestParam(name = "titular", required = false) String holder,
			@RequestParam(name = "valor", required = false) List<String> values,
			@AuthenticationPrincipal StaffUser officer, RedirectAttributes redirect) {
		try {
			CertificateView replacement = certificates.reissue(code, reason, holder, values, officer);
			redirect.addFlashAttribute("message", "certificates.reissued");
			redirect.addFlashAttribute("messageArgument", replacement.number());
			return "redirect:/bandeja/certificados/" + replacement.verificationCode();
		}
		catch (CertificateChangeRejectedException e) {
			rejected(redirect, e.messageKey(), reason);
			redirect.addFlashAttribute("holder", holder);
			redirect.addFlashAttribute("values", values);
		}
		catch (CertificateAlreadyRevokedException e) {
			redirect.addFlashAttribute("problem", "certificates.alreadyRevoked");
		}
		return "redirect:/bandeja/certificados/" + code;
	}

	@GetMapping("/bandeja/certificados/firma/{ubigeo}")
	String signatoryForm(@PathVariable String ubigeo, @AuthenticationPrincipal StaffUser officer, Model model) {
		manages(officer, ubigeo);
		Signatory signatory = signatories.of(ubigeo);
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("officerName", signatory.officerName());
		model.addAttribute("officerTitle", signatory.officerTitle());
		model.addAttribute("hasCoatOfArms", signatory.coatOfArms() != null);
		model.addAttribute("officeSignatories", signatories.ofOffices(ubigeo));
		model.addAttribute("offices", offices.all());
		return "certificate/signatory";
	}

	/** The signatory of what one office decides; blank name and title give the signing back to the municipality's. */
	@PostMapping("/bandeja/certificados/firma/{ubigeo}/oficina")
	String saveOfficeSignatory(@PathVariable String ubigeo,
			@RequestParam(name = "oficina", defaultValue = "") String office,
			@RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "cargo", required = false) String title, @AuthenticationPrincipal StaffUser officer,
			RedirectAttributes redirect) {
		manages(officer, ubigeo);
		try {
			if (offices.all().stream().noneMatch(known -> known.id().equals(office))) {
				throw new CertificateChangeRejectedException("certificates.signatory.error.office");
			}
			signatories.saveForOffice(ubigeo, office, strip(name), strip(title), officer.id());
			redirect.addFlashAttribute("message", "certificates.signatory.officeSaved");
		}
		catch (CertificateChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:/bandeja/certificados/firma/" + ubigeo + "#oficinas";
	}

	@PostMapping("/bandeja/certificados/firma/{ubigeo}")
	String saveSignatory(@PathVariable String ubigeo, @RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "cargo", required = false) String title,
			@RequestParam(name = "escudo", required = false) MultipartFile coatOfArms,
			@AuthenticationPrincipal StaffUser officer, RedirectAttributes redirect) throws IOException {
		manages(officer, ubigeo);
		try {
			if (coatOfArms != null && coatOfArms.getSize() > Signatories.MAX_IMAGE_BYTES) {
				throw new CertificateChangeRejectedException("certificates.signatory.error.image");
			}
			byte[] image = coatOfArms == null || coatOfArms.isEmpty() ? null : coatOfArms.getBytes();
			signatories.save(ubigeo, strip(name), strip(title), image, officer.id());
			redirect.addFlashAttribute("message", "certificates.signatory.saved");
		}
		catch (CertificateChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:/bandeja/certificados/firma/" + ubigeo;
	}

	@GetMapping("/bandeja/certificados/firma/{ubigeo}/escudo")
	ResponseEntity<byte[]> coatOfArms(@PathVariable String ubigeo, @AuthenticationPrincipal StaffUser officer) {
		manages(officer, ubigeo);
		byte[] image = signatories.of(ubigeo).coatOfArms();
		if (image == null) {
			throw new NotFoundException("coat of arms " + ubigeo);
		}
		boolean png = image.length > 1 && image[0] == (byte) 0x89 && image[1] == 'P';
		return ResponseEntity.ok()
			.contentType(png ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.body(image);
	}

	private static void manages(StaffUser officer, String ubigeo) {
		if (!officer.worksIn(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		if (!Certificates.canRevoke(officer)) {
			throw new AccessDeniedException("Only the management office sets the signatory");
		}
	}

	private static void rejected(RedirectAttributes redirect, String messageKey, String reason) {
		redirect.addFlashAttribute("problem", messageKey);
		redirect.addFlashAttribute("reason", reason);
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

}
