package pe.tramita.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import pe.tramita.web.PlainErrorPage;

/**
 * A flood from one address gets 429 instead of the work it asks for: guessing passwords or access codes, hammering the
 * verification pages, uploading without end. Each kind of request has its own allowance per client address
 * (refilled steadily, a minute's worth at most), so a citizen filing and following a case never meets it. The
 * address is the client's as the trusted proxy reports it ({@code server.tomcat.remoteip}).
 */
@Configuration(proxyBeanMethods = false)
class RequestRateLimits {

	/** A kind of request and how many of them one address may make per minute. */
	record Limit(String name, int perMinute) {
	}

	static final Limit LOGIN = new Limit("login", 20);

	static final Limit CASE_LOOKUP = new Limit("case-lookup", 30);

	/** Asking for a new access code sends an e-mail: a few a minute from one address is plenty. */
	static final Limit CODE_RECOVERY = new Limit("code-recovery", 5);

	static final Limit VERIFICATION = new Limit("verification", 60);

	static final Limit UPLOAD = new Limit("upload", 20);

	static final Limit ENGINE_REST = new Limit("engine-rest", 300);

	/** Which allowance a request draws on, if any. */
	static Optional<Limit> limitOf(HttpServletRequest request) {
		String path = SecurityConfiguration.pathOf(request);
		boolean post = "POST".equals(request.getMethod());
		if (path.startsWith("/engine-rest/") || path.equals("/engine-rest")) {
			return Optional.of(ENGINE_REST);
		}
		if (post && path.equals("/ingresar")) {
			return Optional.of(LOGIN);
		}
		if (post && path.equals("/consulta/codigo")) {
			return Optional.of(CODE_RECOVERY);
		}
		if (post && path.startsWith("/consulta")) {
			return Optional.of(CASE_LOOKUP);
		}
		if (path.startsWith("/verificar")) {
			return Optional.of(post ? UPLOAD : VERIFICATION);
		}
		String type = request.getContentType();
		if (post && type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return Optional.of(UPLOAD);
		}
		return Optional.empty();
	}

	@Bean
	FilterRegistrationBean<Filter> requestRateLimitFilter(@Value("${tramita.rate-limit.enabled:true}") boolean enabled,
			@Value("${tramita.rate-limit.exempt:}") List<String> exempt, MessageSource messages,
			LocaleResolver languages) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new Filter(Set.copyOf(exempt), messages, languages));
		registration.setEnabled(enabled);
		// before Spring Security: a refused login costs no password check
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		/** Above this many addresses, the ones that have been quiet a minute are forgotten. */
		private static final int MAX_TRACKED = 50_000;

		private final Set<String> exempt;

		private final MessageSource messages;

		private final LocaleResolver languages;

		private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();

		Filter(Set<String> exempt, MessageSource messages, LocaleResolver languages) {
			this.exempt = exempt;
			this.messages = messages;
			this.languages = languages;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<Limit> limit = limitOf(request);
			String address = request.getRemoteAddr();
			if (limit.isEmpty() || exempt.contains(address) || take(limit.get(), address)) {
				chain.doFilter(request, response);
				return;
			}
			refuse(request, response, limit.get() == ENGINE_REST);
		}

		/** A plain page (or JSON for the REST API) written here: a flood must not cost a template each. */
		private void refuse(HttpServletRequest request, HttpServletResponse response, boolean json) throws IOException {
			Locale language = languages.resolveLocale(request);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", "60");
			response.setCharacterEncoding("UTF-8");
			if (json) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\""
						+ messages.getMessage("error.tooManyRequests", null, language) + "\"}");
				return;
			}
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(PlainErrorPage.html(messages, request.getContextPath(), "error.tooManyRequests",
					language));
		}

		private boolean take(Limit limit, String address) {
			if (allowances.size() > MAX_TRACKED) {
				allowances.values().removeIf(Allowance::isFull);
			}
			return allowances.computeIfAbsent(limit.name() + " " + address, key -> new Allowance(limit.perMinute()))
				.take();
		}

	}

	/** A minute's worth of requests at most, refilled continuously. */
	static final class Allowance {

		private final double perNano;

		private final double capacity;

		private double available;

		private long updatedAt = System.nanoTime();

		Allowance(int perMinute) {
			this.capacity = perMinute;
			this.available = perMinute;
			this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
		}

		synchronized boolean take() {
			refill();
			if (available < 1) {
				return false;
			}
			available--;
			return true;
		}

		synchronized boolean isFull() {
			refill();
			return available >= capacity;
		}

		private void refill() {
			long now = System.nanoTime();
			available = Math.min(capacity, available + (now - updatedAt) * perNano);
			updatedAt = now;
		}

	}

}
