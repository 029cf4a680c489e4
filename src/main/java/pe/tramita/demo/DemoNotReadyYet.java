package pe.tramita.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The engine deploys the models, and so the demo creates its cases, only once the server already listens: while an
 * empty database waits for the demo data or is being filled with it, every page answers 503 with a page that says so
 * and refreshes itself, rather than empty views a newcomer would take for the product. A node started on a database
 * that already has the demo (a restart, another node) answers at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@ConditionalOnProperty(name = "tramita.demo", havingValue = "true")
class DemoNotReadyYet extends OncePerRequestFilter {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final AtomicBoolean ready = new AtomicBoolean();

	private final AtomicBoolean creating = new AtomicBoolean();

	private final MessageSource messages;

	private final ObjectProvider<IdentityService> identityService;

	DemoNotReadyYet(MessageSource messages, ObjectProvider<IdentityService> identityService) {
		this.messages = messages;
		this.identityService = identityService;
	}

	void creatingDemoData() {
		creating.set(true);
	}

	void demoDataInPlace() {
		creating.set(false);
		ready.set(true);
	}

	/** Until the demo said so: a database that has the demo's users already has its cases (they are made together). */
	private boolean demoInPlace() {
		return ready.get() || !creating.get()
				&& identityService.getObject().createUserQuery().userId(DemoData.FIRST_USER).count() > 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/") || demoInPlace()) {
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
