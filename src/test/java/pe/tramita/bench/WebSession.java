package pe.tramita.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's worth of HTTP: cookies, the CSRF token of the pages it loaded, forms and uploads. */
class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

	private final String base;

	private String csrf;

	WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A session of a staff member logged in through the login form. */
	static WebSession loggedIn(int port, String user, String password) throws IOException, InterruptedException {
		WebSession session = new WebSession(port);
		session.get("/ingresar");
		String next = location(session.post("/ingresar", Map.of("username", user, "password", password)));
		if (!next.equals("/bandeja")) {
			throw new IllegalStateException(user + " could not log in: sent to " + next);
		}
		return session;
	}

	String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
		expect(response, 200, path);
		return remember(response.body());
	}

	byte[] getBytes(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = client.send(stepped(HttpRequest.newBuilder(URI.create(base + path)).GET()),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** Posts a form; returns the Location of a redirect, or the page. */
	HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
			byte[] file) throws IOException, InterruptedException {
		String boundary = "----tramita" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
			body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
		part(body, boundary, "Content-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n");
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** The Cookie header this session's browser would send. */
	String cookieHeader() {
		return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	static String location(HttpResponse<String> response) {
		expect(response, 302, response.uri().toString());
		String location = response.headers().firstValue("Location").orElseThrow();
		return URI.create(location).getPath();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return client.send(stepped(HttpRequest.newBuilder(request, (name, value) -> true)), HttpResponse.BodyHandlers.ofString());
	}

	/** Named for the server's access log by the step being timed, if any. */
	private static HttpRequest stepped(HttpRequest.Builder request) {
		String step = StepTimes.CURRENT.get();
		return step == null ? request.build() : request.header("X-Bench-Step", step).build();
	}

	private String remember(String page) {
		Matcher m = CSRF.matcher(page);
		if (m.find()) {
			csrf = m.group(1);
		}
		return page;
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + response.statusCode() + " instead of " + status);
		}
	}

	private static void part(ByteArrayOutputStream body, String boundary, String headers) throws IOException {
		body.write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
