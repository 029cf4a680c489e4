package pe.tramita.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Citizens need no account; staff log in with a form. Camunda's Cockpit, Tasklist and Admin trust the same login
 * (the container-based authentication of Camunda's webapps reads the user Spring Security established).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADVISOR = "OFFICE_" + Offices.ASESOR;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
			throws Exception {
		http.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/bandeja/**").hasRole("STAFF")
				.requestMatchers("/asesoria/**").hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				// deploying from Camunda Modeler is for advisors; the engine applies the model rules to it
				.requestMatchers(HttpMethod.POST, "/engine-rest/deployment/**").hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				.requestMatchers(HttpMethod.DELETE, "/engine-rest/deployment/**").hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				.requestMatchers("/engine-rest/migration/**").hasAnyAuthority(ADVISOR, "ROLE_ADMIN")
				.requestMatchers("/camunda/**", "/engine-rest/**").hasRole("STAFF")
				.requestMatchers("/actuator/health").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/ingresar").defaultSuccessUrl("/bandeja", false).permitAll())
			.logout(logout -> logout.logoutUrl("/salir").logoutSuccessUrl("/ingresar?salio"))
			.httpBasic(Customizer.withDefaults())
			// Camunda's webapps carry their own CSRF protection; its REST API is for tools with basic auth
			.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
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

	/** The REST API acts as the logged-in user, so Camunda's authorizations and tenant checks apply to it. */
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

}
