package pe.tramita.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * An error page written without the template engine, for answers given before a request reaches Tramita's pages:
 * Tomcat's own errors, and the 429 a flood gets (which must cost no more than the refusal).
 */
public final class PlainErrorPage {

	private PlainErrorPage() {
	}

	/** The title and the message in the first language, the message again in each further one. */
	public static String html(MessageSource messages, String contextPath, String messageKey, Locale... languages) {
		Locale first = languages[0];
		String title = text(messages, "error.title", first);
		StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"").append(first.getLanguage())
			.append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, ")
			.append("initial-scale=1\"><title>").append(title).append("</title><link rel=\"stylesheet\" href=\"")
			.append(contextPath).append("/css/tramita.css\"></head><body><main class=\"wrap\"><h1>").append(title)
			.append("</h1><p class=\"flash bad\" role=\"alert\">").append(text(messages, messageKey, first))
			.append("</p>");
		for (int i = 1; i < languages.length; i++) {
			page.append("<p lang=\"").append(languages[i].getLanguage()).append("\">")
				.append(text(messages, messageKey, languages[i])).append("</p>");
		}
		return page.append("<p><a href=\"").append(contextPath).append("/\">").append(text(messages, "error.home", first))
			.append("</a></p></main></body></html>").toString();
	}

	private static String text(MessageSource messages, String key, Locale locale) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
	}

}
