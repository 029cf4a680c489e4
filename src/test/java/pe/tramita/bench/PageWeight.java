package pe.tramita.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen's browser downloads for a page on a first visit, as the server sends it (compressed where the
 * server compresses): the page and every stylesheet, script, icon and image it names, and whether any of them is on
 * another host.
 */
final class PageWeight {

	/** What a page makes the browser load. */
	private static final Pattern LOADS = Pattern.compile(
			"<(?:link[^>]*rel=\"(?:stylesheet|icon|preload)\"[^>]*href|script[^>]*src|img[^>]*src)=\"([^\"]+)\"");

	record Weight(String page, long bytes, int requests, Set<String> otherHosts) {
	}

	private PageWeight() {
	}

	/** {@code cookie}: the citizen's cookies where the page needs them (a case's status page), or null. */
	static Weight of(int port, String path, String cookie) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		URI page = URI.create("http://localhost:" + port + path);
		HttpResponse<byte[]> answer = fetch(client, page, cookie);
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + answer.statusCode());
		}
		long bytes = answer.body().length;
		int requests = 1;
		Set<String> otherHosts = new LinkedHashSet<>();
		String html = html(answer);
		Matcher load = LOADS.matcher(html);
		Set<URI> loaded = new LinkedHashSet<>();
		while (load.find()) {
			URI resource = page.resolve(load.group(1).replace("&amp;", "&"));
			if (!"localhost".equals(resource.getHost()) || resource.getPort() != port) {
				otherHosts.add(resource.getHost());
				continue;
			}
			if (loaded.add(resource)) {
				bytes += fetch(client, resource, cookie).body().length;
				requests++;
			}
		}
		return new Weight(path, bytes, requests, otherHosts);
	}

	private static HttpResponse<byte[]> fetch(HttpClient client, URI uri, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String html(HttpResponse<byte[]> answer) throws Exception {
		boolean gzip = answer.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
		byte[] body = answer.body();
		if (gzip) {
			try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
				body = in.readAllBytes();
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}

}
