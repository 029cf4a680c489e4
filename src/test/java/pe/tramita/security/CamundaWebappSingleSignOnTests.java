package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** One login, over real HTTP, opens Tramita's task list and Camunda's webapps alike. */
@TramitaTest
class CamundaWebappSingleSignOnTests {

	private static final String ADMIN = "t.camunda-admin.060101";

	private static final String CLERK = "t.mesa-de-partes.060101";

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	HttpClient browser;

	@BeforeEach
	void newBrowserSession() {
		staff.login("mesa-de-partes", Staff.CAJAMARCA);
		staff.login(Offices.ADMIN, Staff.CAJAMARCA);
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void formLoginIsRecognisedByCamundasWebapps() throws Exception {
		assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isNotEqualTo(200);

		HttpResponse<String> login = logIn(ADMIN, Staff.PASSWORD);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/bandeja"));

		// opening a webapp is what signs the session into Camunda, as it is in a browser
		HttpResponse<String> cockpit = send(get("/camunda/app/cockpit/default/"));
		assertThat(cockpit.statusCode()).as("Cockpit, not its first-user setup").isEqualTo(200);
		assertThat(cockpit.headers().firstValue("X-Authorized-User")).contains(ADMIN);
		HttpResponse<String> who = send(get("/camunda/api/admin/auth/user/default"));
		assertThat(who.statusCode()).isEqualTo(200);
		assertThat(who.body()).contains("\"userId\":\"" + ADMIN + "\"");
		assertThat(send(get("/bandeja")).body()).contains("Bandeja de tareas");
	}

	@Test
	void aClerkIsRecognisedButHasNoCockpitRights() throws Exception {
		logIn(CLERK, Staff.PASSWORD);
		assertThat(send(get("/camunda/app/cockpit/default/")).statusCode()).isEqualTo(403);
		assertThat(send(get("/bandeja")).body()).contains("Bandeja de tareas");
	}

	@Test
	void wrongPasswordIsRefused() throws Exception {
		String victim = staff.create("t.clave-equivocada", "mesa-de-partes", Staff.CAJAMARCA);
		HttpResponse<String> login = logIn(victim, "otra-clave");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/ingresar?error"));
		assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isNotEqualTo(200);
	}

	private HttpResponse<String> logIn(String user, String password) throws Exception {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send(get("/ingresar")).body());
		assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		return send(HttpRequest.newBuilder(uri("/ingresar"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return browser.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET().build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
