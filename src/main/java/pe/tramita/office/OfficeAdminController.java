package pe.tramita.office;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import pe.tramita.municipality.Municipalities;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/** The administrator's offices: create one, say which municipalities have it, add and remove its members. */
@Controller
class OfficeAdminController {

	private final OfficeDirectory offices;

	private final Municipalities municipalities;

	OfficeAdminController(OfficeDirectory offices, Municipalities municipalities) {
		this.offices = offices;
		this.municipalities = municipalities;
	}

	@GetMapping("/bandeja/oficinas")
	String list(@AuthenticationPrincipal StaffUser user, Model model) {
		administrator(user);
		model.addAttribute("offices", offices.all());
		model.addAttribute("municipalities", municipalities.all());
		return "office/list";
	}

	@PostMapping("/bandeja/oficinas")
	String create(@RequestParam(name = "id", required = false) String id,
			@RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "ubigeo", required = false) List<String> scope, @AuthenticationPrincipal StaffUser user,
			RedirectAttributes redirect) {
		administrator(user);
		try {
			offices.create(id, name, scope);
			redirect.addFlashAttribute("message", "office.created");
			return "redirect:" + page(id.strip());
		}
		catch (OfficeChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
			return "redirect:/bandeja/oficinas";
		}
	}

	@GetMapping("/bandeja/oficinas/{id}")
	String detail(@PathVariable String id, @AuthenticationPrincipal StaffUser user, Model model) {
		administrator(user);
		model.addAttribute("office", offices.find(id).orElseThrow(() -> new NotFoundException("office " + id)));
		model.addAttribute("municipalities", municipalities.all());
		return "office/detail";
	}

	@PostMapping("/bandeja/oficinas/{id}/municipalidades")
	String serve(@PathVariable String id, @RequestParam(name = "ubigeo", required = false) List<String> scope,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return change(user, id, redirect, () -> offices.serve(id, scope));
	}

	@PostMapping("/bandeja/oficinas/{id}/miembros")
	String addMember(@PathVariable String id, @RequestParam(name = "usuario", required = false) String userId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return change(user, id, redirect, () -> offices.addMember(id, userId));
	}

	@PostMapping("/bandeja/oficinas/{id}/miembros/retirar")
	String removeMember(@PathVariable String id, @RequestParam(name = "usuario", required = false) String userId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return change(user, id, redirect, () -> offices.removeMember(id, userId));
	}

	private String change(StaffUser user, String id, RedirectAttributes redirect, Runnable change) {
		administrator(user);
		if (offices.find(id).isEmpty()) {
			throw new NotFoundException("office " + id);
		}
		try {
			change.run();
			redirect.addFlashAttribute("message", "office.saved");
		}
		catch (OfficeChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:" + page(id);
	}

	private static String page(String id) {
		return UriComponentsBuilder.fromPath("/bandeja/oficinas/{id}").buildAndExpand(id).encode().toUriString();
	}

	private static void administrator(StaffUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators manage offices");
		}
	}

}
