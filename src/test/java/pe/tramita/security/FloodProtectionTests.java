package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import pe.tramita.support.HttpVisitor;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.TramitaTest;

/**
 * A flood from one address is answered 429, in Spanish, before it costs a password check or an upload's storage;
 * other addresses go on being served. Citizens' pages keep nothing on the server per visitor. The client address is
 * the one the trusted proxy (here, loopback) reports in X-Forwarded-For — the tests' own loopback address is exempt.
 */
@TramitaTest
class FloodProtectionTests {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void guessingPasswordsFromOneAddressIsStoppedAfterTwentyTries() {
		HttpVisitor visitor = new HttpVisitor(port);
		visitor.get("/ingresar");
		String attacker = newAddress();
		assertFloodStopped(RequestRateLimits.LOGIN.perMinute(), address -> visitor.postForm("/ingresar",
				Map.of("username", "mesa.cajamarca", "password", "adivinanza"), "X-Forwarded-For", address), attacker);
	}

	@Test
	void guessingAccessCodesFromOneAddressIsStopped() {
		HttpVisitor visitor = new HttpVisitor(port);
		visitor.get("/consulta");
		assertFloodStopped(RequestRateLimits.CASE_LOOKUP.perMinute(), address -> visitor.postForm("/consulta",
				Map.of("expediente", "060101-2026-000001", "codigo", "AAAA-BBBB-CCCC"), "X-Forwarded-For", address),
				newAddress());
	}

	@Test
	void askingForNewAccessCodesFromOneAddressIsStoppedSooner() {
		HttpVisitor visitor = new HttpVisitor(port);
		visitor.get("/consulta/codigo");
		assertFloodStopped(RequestRateLimits.CODE_RECOVERY.perMinute(), address -> visitor.postForm("/consulta/codigo",
				Map.of("expediente", "060101-2026-000001", "documento", "12345678"), "X-Forwarded-For", address),
				newAddress());
	}

	@Test
	void hammeringTheVerificationPagesIsStopped() {
		HttpVisitor visitor = new HttpVisitor(port);
		assertFloodStopped(RequestRateLimits.VERIFICATION.perMinute(),
				address -> visitor.get("/verificar/AAAAA-BBBBB", "X-Forwarded-For", address), newAddress());
	}

	@Test
	void endlessUploadsAreStopped() {
		HttpVisitor visitor = new HttpVisitor(port);
		visitor.get("/verificar");
		assertFloodStopped(RequestRateLimits.UPLOAD.perMinute(), address -> visitor.postMultipart("/verificar/archivo",
				new HttpVisitor.Multipart().file("archivo", "copia.pdf", "application/pdf", SampleFiles.pdf()),
				"X-Forwarded-For", address), newAddress());
	}

	@Test
	void aFloodOfTheRestApiGetsAnAnswerAToolCanRead() {
		HttpVisitor tool = new HttpVisitor(port);
		HttpResponse<String> refused = firstRefused(RequestRateLimits.ENGINE_REST.perMinute(),
				address -> tool.get("/engine-rest/version", "X-Forwarded-For", address), newAddress());
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		assertThat(refused.body()).contains("Recibimos demasiados pedidos");
	}

	@Test
	void citizensPagesKeepNoSessionOnTheServer() {
		int sessionsBefore = activeSessions();
		for (int i = 0; i < 100; i++) {
			HttpVisitor visitor = new HttpVisitor(port);
			for (String page : List.of("/", "/m/060101/tramites/licencia-funcionamiento/solicitud",
					"/m/060101/tramites/queja-reclamo/solicitud", "/consulta", "/verificar")) {
				HttpResponse<String> answer = visitor.get(page);
				assertThat(answer.statusCode()).as(page).isEqualTo(200);
				assertThat(answer.headers().allValues("Set-Cookie")).as(page)
					.noneMatch(cookie -> cookie.startsWith("tramita-sesion"));
			}
			HttpResponse<String> lookup = visitor.postForm("/consulta", Map.of("expediente", "060101-2026-000001",
					"codigo", "AAAA-BBBB-CCCC"));
			assertThat(lookup.statusCode()).as("the form's token works without a session").isEqualTo(404);
		}
		assertThat(activeSessions()).isEqualTo(sessionsBefore);
	}

	/** The first {@code limit} requests pass and a 429 in Spanish soon follows; another address is still served. */
	private static void assertFloodStopped(int limit, Function<String, HttpResponse<String>> request, String address) {
		HttpResponse<String> refused = firstRefused(limit, request, address);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("html"));
		assertThat(refused.body()).contains("<html lang=\"es\"", "Recibimos demasiados pedidos seguidos desde su conexión");
		assertThat(request.apply(newAddress()).statusCode()).as("another address").isNotEqualTo(429);
	}

	/** The allowance refills while the test runs: the first 429 comes after {@code limit} requests, before twice that. */
	private static HttpResponse<String> firstRefused(int limit, Function<String, HttpResponse<String>> request,
			String address) {
		for (int i = 1; i <= 2 * limit; i++) {
			HttpResponse<String> answer = request.apply(address);
			if (answer.statusCode() == 429) {
				assertThat(i).as("requests served before the first 429").isGreaterThan(limit);
				assertThat(answer.headers().firstValue("Retry-After")).contains("60");
				return answer;
			}
		}
		throw new AssertionError("no 429 after " + 2 * limit + " requests");
	}

	private static String newAddress() {
		return "203.0.113." + NEXT_ADDRESS.getAndIncrement();
	}

	private int activeSessions() {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager().getActiveSessions();
	}

}
