package pe.tramita.security;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may use Camunda's REST API ({@code /engine-rest}): advisors deploy models from Camunda Modeler (and read what is
 * deployed); administrators use all of it. Clerks work through Tramita's pages only, where the task rules hold. The
 * requests are matched on the decoded path the REST servlet itself routes on, with and without the engine's name
 * ({@code /engine-rest/engine/default/...}).
 */
final class EngineRestAccess {

	private static final String ENGINE = "(/engine/[^/]+)?";

	private static final List<Request> ADVISOR_REQUESTS = List.of(
			new Request("GET", "/version"),
			new Request("GET", "/engine"),
			new Request("POST", ENGINE + "/deployment/create"),
			new Request("GET", ENGINE + "/deployment(/.*)?"),
			new Request("GET", ENGINE + "/process-definition(/.*)?"));

	private EngineRestAccess() {
	}

	/** The requests an advisor may make; all others are for administrators. */
	static RequestMatcher advisorRequests() {
		return request -> ADVISOR_REQUESTS.stream().anyMatch(allowed -> allowed.matches(request));
	}

	private record Request(String method, Pattern path) {

		Request(String method, String path) {
			this(method, Pattern.compile("/engine-rest" + path + "/?"));
		}

		boolean matches(HttpServletRequest request) {
			return method.equals(request.getMethod())
					&& path.matcher(SecurityConfiguration.pathOf(request)).matches();
		}

	}

}
