package pe.tramita.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.tramita.support.HttpVisitor;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Behind a TLS proxy on the same machine (the trusted one): the request counts as HTTPS, so cookies are Secure and
 * HSTS is sent; every page carries its Content-Security-Policy; and no Host header a client invents ever comes back
 * in a redirect or a page.
 */
@TramitaTest
class ProxyHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Test
	void behindTheTlsProxyCookiesAreSecureAndHstsIsSent() {
		String clerk = staff.create("t.proxy.mesa", "mesa-de-partes", Staff.CAJAMARCA);
		HttpVisitor browser = new HttpVisitor(port);
		HttpResponse<String> form = browser.get("/ingresar", "X-Forwarded-Proto", "https");
		assertThat(form.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(cookie(form, "tramita-csrf")).contains("Secure", "HttpOnly", "SameSite=Lax");

		HttpResponse<String> login = browser.postForm("/ingresar", Map.of("username", clerk, "password", Staff.PASSWORD),
				"X-Forwarded-Proto", "https", "Cookie", "tramita-csrf=" + cookieValue(form, "tramita-csrf"));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(cookie(login, "tramita-sesion")).contains("Secure", "HttpOnly", "SameSite=Lax");

		HttpResponse<String> plain = new HttpVisitor(port).get("/ingresar");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
	}

	@Test
	void everyPageCarriesItsContentSecurityPolicy() {
		for (String page : List.of("/", "/consulta", "/m/060101/tramites/licencia-funcionamiento/solicitud", "/ingresar",
				"/no-existe")) {
			HttpResponse<String> answer = new HttpVisitor(port).get(page);
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
				.hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'", "object-src 'none'",
						"frame-ancestors 'none'"));
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
		}
	}

	@Test
	void anInventedHostNeverComesBackInARedirectOrAPage() throws Exception {
		for (String request : List.of(
				"GET /bandeja HTTP/1.1\r\nHost: atacante.example\r\n",
				"GET /bandeja/expedientes/1 HTTP/1.1\r\nHost: atacante.example\r\nX-Forwarded-Host: atacante.example\r\n",
				"GET /verificar?codigo=abcde-fghij HTTP/1.1\r\nHost: atacante.example:8443\r\n",
				"GET /m/060101/tramites/licencia-funcionamiento/presentada HTTP/1.1\r\nHost: atacante.example\r\n",
				"GET / HTTP/1.1\r\nHost: atacante.example\r\nX-Forwarded-Proto: https\r\n")) {
			String answer = raw(request + "Connection: close\r\n\r\n");
			assertThat(answer).as(request).doesNotContain("atacante");
		}
	}

	/** The whole answer to a request written by hand (the JDK's client will not send another Host). */
	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
				return in.lines().collect(Collectors.joining("\n"));
			}
		}
	}

	private static String cookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
	}

	private static String cookieValue(HttpResponse<String> response, String name) {
		String cookie = cookie(response, name);
		return cookie.substring(name.length() + 1, cookie.indexOf(';'));
	}

}
