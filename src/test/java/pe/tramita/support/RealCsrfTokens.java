package pe.tramita.support;

import jakarta.servlet.ServletContext;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * MockMvc's {@code csrf()} swaps the shared CSRF filter's repository for a session-based test one, for the rest of
 * the shared context's life; tests over real HTTP that look at cookies and sessions put the application's back first.
 */
@Component
public class RealCsrfTokens {

	private final ServletContext servletContext;

	private final CookieCsrfTokenRepository repository;

	RealCsrfTokens(ServletContext servletContext, CookieCsrfTokenRepository repository) {
		this.servletContext = servletContext;
		this.repository = repository;
	}

	public void restore() {
		WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(servletContext, "GET", "/"), repository);
	}

}
