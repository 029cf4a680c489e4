package pe.tramita.support;

import jakarta.servlet.ServletContext;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * MockMvc's {@code csrf()} swaps the shared CSRF filter's repository for a session-based test one, for the rest of
 * the shared context's life: before every test the application's own (a cookie, no session) is put back, so that
 * tests over real HTTP see cookies and sessions as a browser would.
 */
public class RealCsrfTokens extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext test) {
		ApplicationContext context = test.getApplicationContext();
		WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(context.getBean(ServletContext.class), "GET", "/"),
				context.getBean(CookieCsrfTokenRepository.class));
	}

}
