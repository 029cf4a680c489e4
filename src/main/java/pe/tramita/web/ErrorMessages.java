package pe.tramita.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error the container answers — a page, or JSON for a tool — says what went wrong in the visitor's language:
 * {@code messageKey} for the error page, {@code mensaje} in the JSON. Never an exception's own message or trace.
 */
@Component
class ErrorMessages extends DefaultErrorAttributes {

	private static final Map<Integer, String> KEYS = Map.of(400, "error.badRequest", 403, "error.forbidden", 404,
			"error.notFound", 405, "error.methodNotAllowed", 413, "upload.requestTooLarge", 415,
			"error.unsupportedMediaType", 429, "error.tooManyRequests");

	private final MessageSource messages;

	ErrorMessages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object status = attributes.get("status");
		String key = status instanceof Integer code ? KEYS.getOrDefault(code, "error.unexpected") : "error.unexpected";
		Locale locale = LocaleContextHolder.getLocale();
		attributes.put("messageKey", key);
		attributes.put("mensaje", messages.getMessage(key, null, locale));
		return attributes;
	}

}
