package pe.tramita.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The engine deploys the models, and so the demo creates its cases, only once the server already listens: until the
 * demo data is in place, every page answers 503 with a page that says so and refreshes itself, rather than empty
 * views a newcomer would take for the product.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@ConditionalOnProperty(name = "tramita.demo", havingValue = "true")
class DemoNotReadyYet extends OncePerRequestFilter {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final AtomicBoolean ready = new AtomicBoolean();

	private final MessageSource messages;

	DemoNotReadyYet(MessageSource messages) {
		this.messages = messages;
	}

	void demoDataInPlace() {
		ready.set(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ready.get() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
			chain.doFilter(request, response);
			return;
		}
		// before the dispatcher, so before the visitor's language is known: Spanish, the default
		String text = HtmlUtils.htmlEscape(messages.getMessage("demo.notReady", null, SPANISH), "UTF-8");
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">"
				+ "<meta http-equiv=\"refresh\" content=\"5\"><title>Tramita</title></head><body><p>" + text
				+ "</p></body></html>").getBytes(StandardCharsets.UTF_8));
	}

}
