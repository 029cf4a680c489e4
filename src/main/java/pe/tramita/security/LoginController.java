package pe.tramita.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/ingresar")
	String login() {
		return "security/login";
	}

}
