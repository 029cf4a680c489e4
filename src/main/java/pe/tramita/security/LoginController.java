package pe.tramita.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/ingresar")
	String login() {
		return "security/login";
	}

	/** The address people guess for a login page. */
	@GetMapping("/login")
	String usualAddress() {
		return "redirect:/ingresar";
	}

}
