package pe.tramita.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx in front of the test's nodes, configured by the repository's own site file
 * ({@code deploy/nginx/tramita.conf}): the test changes only what is particular to a machine (the ports, the
 * certificate's and log's folders, the list of nodes) and fails if the file no longer has what it changes.
 */
public class NginxProxy implements AutoCloseable {

	static final Path SITE = Path.of("deploy", "nginx", "tramita.conf");

	static final Path NODES_EXAMPLE = Path.of("deploy", "nginx", "tramita-nodes.conf");

	private final Process process;

	private final Path dir;

	private final int httpsPort;

	private final SSLContext tls;

	private NginxProxy(Process process, Path dir, int httpsPort, SSLContext tls) {
		this.process = process;
		this.dir = dir;
		this.httpsPort = httpsPort;
		this.tls = tls;
	}

	/** Round robin over the nodes on these ports of localhost, TLS with a certificate made for localhost. */
	public static NginxProxy start(List<Integer> nodePorts) throws Exception {
		Path nginx = Path.of("/usr/sbin/nginx");
		if (!Files.isExecutable(nginx)) {
			throw new IllegalStateException("No /usr/sbin/nginx: the multi-node tests need Debian's package nginx-light "
					+ "(or nginx); .ci/run installs it");
		}
		Path dir = Files.createTempDirectory("tramita-nginx");
		Path ssl = Files.createDirectories(dir.resolve("ssl"));
		Commands.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
				"-addext", "subjectAltName=DNS:localhost", "-keyout", ssl.resolve("privkey.pem").toString(), "-out",
				ssl.resolve("fullchain.pem").toString()));
		int httpsPort = DebianPostgres.freePort();
		int httpPort = DebianPostgres.freePort();

		String nodes = Files.readString(NODES_EXAMPLE);
		String ours = nodePorts.stream()
			.map(port -> "    server 127.0.0.1:" + port + " max_fails=1 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
		nodes = nodes.replaceAll("(?m)^    server 10\\.0\\.0\\.\\d+:8080 max_fails=1 fail_timeout=10s;\\n?", "");
		Files.writeString(dir.resolve("tramita-nodes.conf"), nodes.replace("upstream tramita_nodes {\n",
				"upstream tramita_nodes {\n" + ours + "\n"));

		Map<String, String> local = new LinkedHashMap<>();
		local.put("include /etc/nginx/tramita-nodes.conf;", "include " + dir.resolve("tramita-nodes.conf") + ";");
		local.put("    listen 80;\n", "    listen 127.0.0.1:" + httpPort + ";\n");
		local.put("    listen [::]:80;\n", "");
		local.put("    listen 443 ssl;\n", "    listen 127.0.0.1:" + httpsPort + " ssl;\n");
		local.put("    listen [::]:443 ssl;\n", "");
		local.put("/etc/ssl/tramita/", ssl + "/");
		local.put("/var/log/nginx/", dir + "/");
		String site = Files.readString(SITE);
		for (Map.Entry<String, String> change : local.entrySet()) {
			if (!site.contains(change.getKey())) {
				throw new IllegalStateException(SITE + " no longer has «" + change.getKey().strip()
						+ "»: change this test with it");
			}
			site = site.replace(change.getKey(), change.getValue());
		}
		Files.writeString(dir.resolve("tramita.conf"), site);
		boolean root = "root".equals(System.getProperty("user.name"));
		Files.writeString(dir.resolve("nginx.conf"), """
				%s
				daemon off;
				worker_processes 2;
				pid %s/nginx.pid;
				error_log %s/error.log notice;
				events { worker_connections 1024; }
				http {
				    client_body_temp_path %s/body;
				    proxy_temp_path %s/proxy;
				    fastcgi_temp_path %s/fastcgi;
				    uwsgi_temp_path %s/uwsgi;
				    scgi_temp_path %s/scgi;
				    access_log off;
				    include %s/tramita.conf;
				}
				""".formatted(root ? "user root root;" : "", dir, dir, dir, dir, dir, dir, dir, dir));
		Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c",
				dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("stdout.log").toFile())
			.start();
		NginxProxy proxy = new NginxProxy(process, dir, httpsPort, trusting(ssl.resolve("fullchain.pem")));
		proxy.awaitListening();
		return proxy;
	}

	public String baseUrl() {
		return "https://localhost:" + httpsPort;
	}

	/** Trusts the proxy's certificate (and nothing else). */
	public SSLContext tls() {
		return tls;
	}

	public HttpVisitor visitor() {
		return new HttpVisitor(baseUrl(), tls);
	}

	/** The access log's lines so far ({@code node=} the node that answered, {@code id=} the request id). */
	public List<String> accessLog() throws IOException {
		Path log = dir.resolve("tramita-access.log");
		return Files.exists(log) ? Files.readAllLines(log) : List.of();
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		process.waitFor(10, TimeUnit.SECONDS);
	}

	private void awaitListening() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("stdout.log"))
						+ Files.readString(dir.resolve("error.log")));
			}
			try (Socket socket = new Socket("127.0.0.1", httpsPort)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("nginx not listening after 20 s");
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
