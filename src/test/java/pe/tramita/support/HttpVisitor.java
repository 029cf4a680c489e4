package pe.tramita.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * One visitor's browser, over real HTTP against the running application: its cookies, the CSRF token of the last page
 * it loaded, forms, uploads, and requests shaped by hand (any header, any body) as an attacker would send them.
 */
public class HttpVisitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	private String csrf = "";

	public HttpVisitor(int port) {
		this("http://localhost:" + port, null);
	}

	/** A visitor of {@code base} (e.g. https://localhost:8443 through a proxy), trusting {@code tls} when given. */
	public HttpVisitor(String base, SSLContext tls) {
		this.base = base;
		HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10));
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.client = builder.build();
	}

	/** A staff member logged in through the login form (the session lives in this visitor's cookies). */
	public static HttpVisitor loggedIn(int port, String user, String password) {
		return loggedIn(new HttpVisitor(port), user, password);
	}

	public static HttpVisitor loggedIn(HttpVisitor visitor, String user, String password) {
		visitor.get("/ingresar");
		HttpResponse<String> login = visitor.postForm("/ingresar", Map.of("username", user, "password", password));
		String next = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || next.contains("error")) {
			throw new IllegalStateException(user + " could not log in: " + login.statusCode() + " " + next);
		}
		return visitor;
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	/**
	 * A GET written by hand, for a target the JDK's client refuses to send (a stray {@code %}, a malformed escape):
	 * the bytes go out as given. Cookies and headers of this visitor are not sent.
	 */
	public HttpResponse<String> getRaw(String target) {
		try (java.net.Socket socket = new java.net.Socket(URI.create(base).getHost(), URI.create(base).getPort())) {
			socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			String whole = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = whole.indexOf("\r\n\r\n");
			String head = whole.substring(0, end);
			String body = whole.substring(end + 4);
			java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
						.add(line.substring(colon + 1).trim());
				}
			}
			if (headers.getOrDefault("Transfer-Encoding", java.util.List.of()).contains("chunked")) {
				body = unchunked(body);
			}
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), java.net.http.HttpHeaders.of(headers, (a, b) -> true),
					body, URI.create(base));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String unchunked(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				break;
			}
			// sizes count bytes; the pages are UTF-8
			byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
			body.append(chunk);
			at = lineEnd + 2 + chunk.length() + 2;
		}
		return body.toString();
	}

	/** What {@link #getRaw} read back. */
	private record RawResponse(int statusCode, java.net.http.HttpHeaders headers, String body, URI uri)
			implements HttpResponse<String> {

		@Override
		public HttpRequest request() {
			return HttpRequest.newBuilder(uri).build();
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

	/** A form as a page sends it, with the CSRF token of the last page loaded. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.putIfAbsent("_csrf", csrf);
		String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The citizen's lookup: the form, its post with the number and code, and the case's page it leads to. */
	public HttpResponse<String> statusPage(String caseNumber, String accessCode) {
		get("/consulta");
		HttpResponse<String> lookup = postForm("/consulta", Map.of("expediente", caseNumber, "codigo", accessCode));
		if (lookup.statusCode() != 302) {
			return lookup;
		}
		return get(lookup.headers().firstValue("Location").orElseThrow());
	}

	/** A multipart form as a page sends it, with the CSRF token of the last page loaded. */
	public HttpResponse<String> postMultipart(String path, Multipart form, String... headers) {
		if (!form.has("_csrf")) {
			form.field("_csrf", csrf);
		}
		return send(request(path, headers).header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
	}

	/** Any body with any content type: no token added. */
	public HttpResponse<String> postRaw(String path, String contentType, byte[] body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A request as a browser sends it (it asks for HTML first); the headers given replace the browser's. */
	public HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	public String csrf() {
		return csrf;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A multipart/form-data body built part by part. */
	public static class Multipart {

		private final String boundary = "----tramita" + UUID.randomUUID();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private final java.util.Set<String> names = new java.util.HashSet<>();

		public Multipart field(String name, String value) {
			names.add(name);
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
			body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			write("\r\n");
			return this;
		}

		public Multipart fields(Map<String, String> fields) {
			fields.forEach(this::field);
			return this;
		}

		public Multipart file(String name, String fileName, String type, byte[] content) {
			names.add(name);
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + type + "\r\n\r\n");
			body.writeBytes(content);
			write("\r\n");
			return this;
		}

		boolean has(String name) {
			return names.contains(name);
		}

		public String contentType() {
			return "multipart/form-data; boundary=" + boundary;
		}

		public byte[] bytes() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.writeBytes(body.toByteArray());
			all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return all.toByteArray();
		}

		private void write(String text) {
			body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

	}

}
