package pe.tramita.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Where a form post without its valid CSRF token lands (a stale page, or a page on another site). */
@Controller
class ExpiredFormController {

	@RequestMapping("/formulario-vencido")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String expired(Model model) {
		model.addAttribute("messageKey", "error.csrf");
		return "error";
	}

}
