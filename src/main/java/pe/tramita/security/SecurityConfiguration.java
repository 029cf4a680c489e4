package pe.tramita.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Citizens need no account; staff log in with a form. Camunda's Cockpit, Tasklist and Admin trust the same login
 * (the container-based authentication of Camunda's webapps reads the user Spring Security established) and are for
 * administrators. Camunda's REST API is a separate door: HTTP basic on every request, no session, no cookie, for
 * advisors deploying models and for administrators (see {@link EngineRestAccess}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADVISOR = "OFFICE_" + Offices.ASESOR;

	/** Tramita's pages run only their own scripts; bpmn-js sets inline styles on the diagrams it draws. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Spring Security would time each of its filters on every request as an observation (about 4 % of the CPU under
	 * load, issue 20's profile); what operators watch is each route's time, {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The REST API acts only on the credentials sent with each request: a browser's session cookie is never read, so a
	 * page on another site cannot make a logged-in browser call it (and requests a browser marks as cross-site are
	 * refused before that).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain engineRestApi(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			@Value("${tramita.public-url}") String publicUrl) throws Exception {
		AuthenticationEntryPoint basic = (request, response, refused) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Tramita\"");
			CrossSiteRequestFilter.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"Identifíquese con su usuario y su contraseña de Tramita (HTTP basic).");
		};
		http.securityMatcher(under("/engine-rest/"))
			.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EngineRestAccess.advisorRequests()).hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basic)
				.accessDeniedHandler((request, response, denied) -> CrossSiteRequestFilter.refuse(response,
						HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Su usuario no puede hacer esto en la API REST.")))
			.addFilterBefore(new CrossSiteRequestFilter(publicUrl), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			// no cookie is read here, so there is nothing for a forged request to ride on
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * Health, probes and metrics, read by monitoring on each node's own port (the proxy never serves them) with HTTP
	 * basic credentials of the monitoreo office or an administrator, sent with each request. The probes say UP or
	 * DOWN and nothing else, to anyone: they must answer while the database, and so every login, is away.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain monitoring(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
		http.securityMatcher(under("/actuator"))
			.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
				.anyRequest().hasAnyRole("MONITORING", "ADMIN"))
			.httpBasic(basic -> basic.realmName("Tramita"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			// reads only, with credentials on every request: nothing for a forged request to ride on
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/** The token lives in a cookie of its own: a citizen's form holds no session on the server. */
	@Bean
	CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("tramita-csrf");
		csrfTokens.setHeaderName("X-CSRF-TOKEN");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return csrfTokens;
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			CookieCsrfTokenRepository csrfTokens) throws Exception {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/ingresar");
		// a redirect must never carry the Host header a client sent
		login.setFavorRelativeUris(true);
		// the page to go back to after logging in waits in a cookie, not in a session made for every stranger
		CookieRequestCache pageBeforeLogin = new CookieRequestCache();
		http.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/bandeja/**").hasRole("STAFF")
				.requestMatchers("/asesoria/**").hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				// Camunda's webapps can change any case of any municipality: administrators only
				.requestMatchers(under("/camunda/")).hasRole("ADMIN")
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/ingresar")
				.successHandler(new RelativeSavedRequestHandler(pageBeforeLogin, "/bandeja"))
				.permitAll())
			.requestCache(cache -> cache.requestCache(pageBeforeLogin))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(login)
				.accessDeniedHandler(accessDenied()))
			.logout(logout -> logout.logoutUrl("/salir").logoutSuccessUrl("/ingresar?salio"))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				// Camunda's webapps carry their own CSRF protection (their XSRF-TOKEN cookie and header)
				.ignoringRequestMatchers(under("/camunda/")))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// Camunda's webapps send a policy of their own
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(under("/camunda/")),
						new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
		return http.build();
	}

	/** A refused form post says the form expired (in the visitor's language); other refusals are a plain 403. */
	private static AccessDeniedHandler accessDenied() {
		AccessDeniedHandlerImpl expiredForm = new AccessDeniedHandlerImpl();
		expiredForm.setErrorPage("/formulario-vencido");
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
		handlers.put(CsrfException.class, expiredForm);
		return new DelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
	}

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(
				Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		// after Spring Security's chain (order -100), so that the request already carries the user
		registration.setOrder(101);
		return registration;
	}

	/** The REST API acts as the authenticated user, so Camunda's authorizations and tenant checks apply to it. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(
				Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(102);
		return registration;
	}

	/**
	 * Requests whose path starts so, matched on the path itself: Spring MVC's path matchers do not see the servlets
	 * of Camunda's REST API and webapps.
	 */
	private static RequestMatcher under(String prefix) {
		return request -> pathOf(request).startsWith(prefix);
	}

	/**
	 * The path as the container decoded and normalised it to choose a servlet ({@code /%63amunda/} is
	 * {@code /camunda/} to it), so that no spelling of a path reaches a servlet past the rule written for it.
	 */
	static String pathOf(HttpServletRequest request) {
		return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
	}

}
