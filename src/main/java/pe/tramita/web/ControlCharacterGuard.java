package pe.tramita.web;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import pe.tramita.text.ControlCharacters;

/**
 * No form field of any page carries a control character (a NUL, an escape...): nothing a person types, and PostgreSQL
 * cannot store a NUL in text. Such a request is refused whole, before any controller sees it; tabs and line breaks
 * are text.
 */
class ControlCharacterGuard implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (ControlCharacters.anyIn(parameter.getKey())
					|| Arrays.stream(parameter.getValue()).anyMatch(ControlCharacters::anyIn)) {
				throw new ControlCharacterException();
			}
		}
		return true;
	}

	/** Answered by {@link ErrorPages} with a 400 page that says why. */
	static class ControlCharacterException extends RuntimeException {

		ControlCharacterException() {
			super("control character in a request parameter");
		}

	}

}
