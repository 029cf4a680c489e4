package pe.tramita.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Spanish unless the visitor switches to English with {@code ?lang=en}; the choice is kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH);

	/** Spanish ({@code messages_es}) is the default bundle; English ({@code messages_en}) on request. */
	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(SPANISH);
		return messages;
	}

	/**
	 * Every cookie set through the servlet API (the session, the language, the page to return to after login) is
	 * SameSite=Lax: none rides along on another site's form post. Those written as headers (the CSRF token, the
	 * filing receipt) say so themselves.
	 */
	@Bean
	CookieSameSiteSupplier laxCookies() {
		return CookieSameSiteSupplier.ofLax();
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("tramita-idioma");
		resolver.setDefaultLocale(SPANISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale requested = super.parseLocaleValue(localeValue);
				return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : SPANISH;
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new ControlCharacterGuard());
	}

}
