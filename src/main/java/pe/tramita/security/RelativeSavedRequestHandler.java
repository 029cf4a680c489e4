package pe.tramita.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After logging in, back to the page that asked for it, by its path only: the URL Spring saves is absolute, built
 * from the Host header the client sent, which must never become a redirect.
 */
class RelativeSavedRequestHandler implements AuthenticationSuccessHandler {

	private final RequestCache requestCache;

	private final String defaultTarget;

	RelativeSavedRequestHandler(RequestCache requestCache, String defaultTarget) {
		this.requestCache = requestCache;
		this.defaultTarget = defaultTarget;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		response.sendRedirect(request.getContextPath() + pathOf(saved));
	}

	private String pathOf(SavedRequest saved) {
		if (saved == null || !"GET".equals(saved.getMethod())) {
			return defaultTarget;
		}
		try {
			URI page = URI.create(saved.getRedirectUrl());
			String path = page.getRawPath();
			return path == null || !path.startsWith("/") || path.startsWith("//") ? defaultTarget
					: path + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
		}
		catch (IllegalArgumentException notAUrl) {
			return defaultTarget;
		}
	}

}
