package pe.tramita.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API is for tools (Camunda Modeler, scripts), never for a page in a browser: a request a browser
 * marks as sent from another site ({@code Sec-Fetch-Site}), or whose {@code Origin} is not Tramita's, is refused before
 * any credentials are read — basic credentials a browser remembers must not act for a page on another site.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	private final String publicOrigin;

	CrossSiteRequestFilter(String publicUrl) {
		this.publicOrigin = origin(publicUrl);
	}

	/**
	 * The REST API's refusals are written here, never through the servlet container's error page: an error dispatch
	 * would hand the request (a multipart deployment, say) to the pages' dispatcher, whose failure to read its body
	 * would turn a 401 into a 400.
	 */
	static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		if (site != null && !OWN_SITE.contains(site) || origin != null && !isOwn(origin, request)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"La API REST de Camunda no acepta pedidos enviados desde otro sitio.");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isOwn(String origin, HttpServletRequest request) {
		String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		String normalized = origin(origin);
		return normalized != null && (normalized.equals(publicOrigin) || normalized.equals(origin(own)));
	}

	/** scheme://host:port with the scheme's default port written out; null when it is not an absolute URL. */
	private static String origin(String url) {
		try {
			URI uri = URI.create(url.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port;
		}
		catch (IllegalArgumentException notAUrl) {
			return null;
		}
	}

}
