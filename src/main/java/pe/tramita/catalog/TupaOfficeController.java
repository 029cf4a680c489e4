package pe.tramita.catalog;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.calendar.LegalClock;
import pe.tramita.municipality.Municipalities;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * Municipal management loads the term and fee its TUPA approved for each procedure, and publishes where and when the
 * municipality attends the public.
 */
@Controller
class TupaOfficeController {

	private final Tupa tupa;

	private final Municipalities municipalities;

	private final LegalClock clock;

	TupaOfficeController(Tupa tupa, Municipalities municipalities, LegalClock clock) {
		this.tupa = tupa;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping("/bandeja/tupa/{ubigeo}")
	String page(@PathVariable String ubigeo, @AuthenticationPrincipal StaffUser officer, Model model) {
		manages(officer, ubigeo);
		model.addAttribute("publicService", PublicServiceForm.of(municipalities.publicService(ubigeo)));
		return page(ubigeo, model);
	}

	/** Where and when the municipality attends the public, shown on its catalogue and every procedure's page. */
	@PostMapping("/bandeja/tupa/{ubigeo}/atencion")
	String publish(@PathVariable String ubigeo, @Valid @ModelAttribute("publicService") PublicServiceForm form,
			BindingResult result, @AuthenticationPrincipal StaffUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		manages(officer, ubigeo);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(ubigeo, model);
		}
		municipalities.publish(ubigeo, form.toPublicService(), officer.id(), clock.now().toInstant());
		redirect.addFlashAttribute("message", "publicService.saved");
		return "redirect:/bandeja/tupa/" + ubigeo;
	}

	private String page(String ubigeo, Model model) {
		model.addAttribute("municipality", municipalities.get(ubigeo));
		model.addAttribute("entries", tupa.of(ubigeo, clock.today().getYear()));
		return "catalog/tupa-office";
	}

	@PostMapping("/bandeja/tupa/{ubigeo}/{key}")
	String approve(@PathVariable String ubigeo, @PathVariable String key,
			@RequestParam(name = "plazo", required = false) String term,
			@RequestParam(name = "derecho", required = false) String fee,
			@RequestParam(name = "norma", required = false) String approvedBy,
			@AuthenticationPrincipal StaffUser officer, RedirectAttributes redirect) {
		manages(officer, ubigeo);
		try {
			tupa.approve(ubigeo, key, term(term), fee(fee),
					approvedBy, officer.id(), clock.now().toInstant());
			redirect.addFlashAttribute("message", "tupa.saved");
		}
		catch (TupaChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:/bandeja/tupa/" + ubigeo;
	}

	private static int term(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (RuntimeException e) {
			throw new TupaChangeRejectedException("tupa.error.term");
		}
	}

	private static BigDecimal fee(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (RuntimeException e) {
			throw new TupaChangeRejectedException("tupa.error.fee");
		}
	}

	private static void manages(StaffUser officer, String ubigeo) {
		if (!officer.worksIn(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		if (!officer.isAdmin() && !officer.offices().contains(Offices.GERENCIA)) {
			throw new AccessDeniedException("Only management loads the TUPA");
		}
	}

}
