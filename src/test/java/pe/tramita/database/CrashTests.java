package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.request.RiskLevel;
import pe.tramita.support.AppProcess;
import pe.tramita.support.Applications;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.HttpVisitor.Multipart;
import pe.tramita.support.SampleFiles;

/**
 * Citizens file concurrently over HTTP; the application's JVM and its PostgreSQL are killed (SIGKILL) in the middle;
 * the application starts again on the same data. Every filing that was acknowledged (its receipt handed out) is there
 * with its document and its process, its receipt still opens after the restart, and case numbers run without gaps
 * and are never given twice. And a filing still being uploaded when the service is told to stop (SIGTERM) is
 * finished, and its citizen sees the code after the restart. The messages filings wrote just before a kill are sent
 * after the restart, each once. Runs the application with its production settings.
 */
@Tag("own-jvm")
class CrashTests {

	private static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	private static final int CITIZENS = 8;

	/** -Dcrash.durable=false shows what the test catches: the embedded server's old, non-durable settings. */
	private static final String DURABLE = System.getProperty("crash.durable", "true");

	/**
	 * Citizens file while the JVM and its database are killed: every filing acknowledged before the kill is there after
	 * the restart, with its document and process, numbers without gaps; and the messages written for the filings just
	 * before the kill (the first run's mail worker would send in an hour) are sent after the restart, each once.
	 */
	@Test
	void everyAcknowledgedFilingAndItsMessageSurviveAKillOfTheJvmAndItsDatabase() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("crash");
		List<String> receipts = Collections.synchronizedList(new ArrayList<>());
		List<String> addresses = new ArrayList<>();
		GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mailServer.start();
		String smtp = "--spring.mail.port=" + mailServer.getSmtp().getPort();
		try {
			try (AppProcess first = start(dataDir, "first", "--spring.mail.host=127.0.0.1", smtp,
					"--tramita.mail.poll=PT1H")) {
				first.secondsUntilHealthy(System.nanoTime());
				int firstPort = first.port();
				for (int i = 0; i < 5; i++) {
					String address = "crash-" + i + "@example.pe";
					fileWithAddress(firstPort, address);
					addresses.add(address);
				}
				AtomicBoolean running = new AtomicBoolean(true);
				ExecutorService citizens = Executors.newFixedThreadPool(CITIZENS);
				for (int i = 0; i < CITIZENS; i++) {
					citizens.submit(() -> fileUntilStopped(firstPort, running, receipts));
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
				while (receipts.size() < 60 && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				first.killWithItsDatabase();
				running.set(false);
				citizens.shutdown();
				assertThat(citizens.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(mailServer.getReceivedMessages()).as("nothing was sent before the kill").isEmpty();
			restartAndCheck(dataDir, receipts, addresses, mailServer, smtp);
		}
		finally {
			mailServer.stop();
		}
	}

	private void restartAndCheck(Path dataDir, List<String> receipts, List<String> addresses, GreenMail mailServer,
			String smtp) throws Exception {
		assertThat(receipts).as("filings acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);

		try (AppProcess second = start(dataDir, "second", "--spring.mail.host=127.0.0.1", smtp,
				"--tramita.mail.poll=PT1S")) {
			second.secondsUntilHealthy(System.nanoTime());
			int secondPort = second.port();
			HttpClient client = HttpClient.newHttpClient();
			List<String> acknowledgedNumbers = new ArrayList<>();
			for (String receipt : receipts) {
				HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort
						+ "/m/060101/tramites/licencia-funcionamiento/presentada")).header("Cookie", "tramita-recibo=" + receipt)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).as("the receipt opens after the restart").isEqualTo(200);
				String number = FilingReceipts.textOf(page.body(), "case-number");
				String code = FilingReceipts.textOf(page.body(), "access-code");
				acknowledgedNumbers.add(number);
				HttpVisitor citizen = new HttpVisitor(secondPort);
				String status = citizen.statusPage(number, code).body();
				// its process started and waits for the fee, whose order was committed with the filing
				assertThat(status).as(number).contains(number, "dj.pdf", "Esperando el pago del derecho de trámite",
						"S/ 120.50");
			}

			List<Integer> sequences = new ArrayList<>();
			try (Connection db = DriverManager.getConnection(second.jdbcUrl()); ResultSet rows = db.createStatement().executeQuery("""
					SELECT e.sequence, e.case_number, count(d.id) AS documents,
					       (SELECT count(*) FROM act_hi_procinst p WHERE p.id_ = e.process_instance_id) AS processes
					FROM tramita.expediente e LEFT JOIN tramita.document d ON d.expediente_id = e.id
					WHERE e.ubigeo = '060101' GROUP BY e.id ORDER BY e.sequence""")) {
				while (rows.next()) {
					sequences.add(rows.getInt("sequence"));
					assertThat(rows.getLong("documents")).as(rows.getString("case_number")).isOne();
					assertThat(rows.getLong("processes")).as(rows.getString("case_number")).isOne();
				}
			}
			System.out.printf("Crash test: %d filings acknowledged before the kill, %d stored after the restart%n",
					acknowledgedNumbers.size(), sequences.size());
			assertThat(sequences).as("case numbers without gaps").isEqualTo(rangeFrom1(sequences.size()));
			assertThat(sequences.size()).isGreaterThanOrEqualTo(acknowledgedNumbers.size());

			List<String> after = new ArrayList<>();
			fileOnce(secondPort, after);
			assertThat(after).hasSize(1);
			HttpResponse<String> receipt = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort
					+ "/m/060101/tramites/licencia-funcionamiento/presentada")).header("Cookie", "tramita-recibo=" + after.get(0))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(FilingReceipts.textOf(receipt.body(), "case-number")).as("the next number, never one given before")
				.endsWith("-%06d".formatted(sequences.size() + 1));

			assertThat(mailServer.waitForIncomingEmail(60_000, addresses.size())).as("all sent after the restart")
				.isTrue();
			Thread.sleep(3_000);
			for (String address : addresses) {
				List<MimeMessage> received = Arrays.stream(mailServer.getReceivedMessages())
					.filter(message -> recipient(message).equals(address)).toList();
				assertThat(received).as("sent once: " + address).hasSize(1);
				assertThat(received.get(0).getSubject()).startsWith("Recibimos su solicitud");
				assertThat(received.get(0).getContentType()).startsWith("multipart/mixed");
			}
		}
	}

	@Test
	void aFilingStillUploadingWhenTheServiceStopsIsFinishedAndItsReceiptOpensAfterTheRestart() throws Exception {
		Path dataDir = EmbeddedDatabaseTests.freshDirectory("stop");
		String receipt;
		try (AppProcess first = start(dataDir, "stop-first")) {
			first.secondsUntilHealthy(System.nanoTime());
			int firstPort = first.port();
			HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + firstPort + FORM)).build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
			Matcher cookie = Pattern.compile("tramita-csrf=([^;]+)").matcher(String.join("\n",
					form.headers().allValues("Set-Cookie")));
			assertThat(token.find() && cookie.find()).isTrue();
			byte[] document = new byte[2 * 1024 * 1024];
			byte[] pdf = SampleFiles.pdf();
			System.arraycopy(pdf, 0, document, 0, pdf.length);
			Multipart filing = new Multipart().field("_csrf", token.group(1))
				.fields(Applications.formFields(RiskLevel.BAJO))
				.file("documento-declaracion-itse", "dj.pdf", "application/pdf", document);
			byte[] body = filing.bytes();
			try (Socket socket = new Socket("localhost", firstPort)) {
				OutputStream out = socket.getOutputStream();
				out.write(("POST " + FORM + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + filing.contentType()
						+ "\r\nContent-Length: " + body.length + "\r\nCookie: tramita-csrf=" + cookie.group(1)
						+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(body, 0, body.length / 2);
				out.flush();
				first.terminate();
				Thread.sleep(1500);
				out.write(body, body.length / 2, body.length - body.length / 2);
				out.flush();
				String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(answer).as("the filing in flight is answered").startsWith("HTTP/1.1 302");
				Matcher sealed = Pattern.compile("tramita-recibo=([^;]+)").matcher(answer);
				assertThat(sealed.find()).as("its receipt is handed out").isTrue();
				receipt = sealed.group(1);
			}
			assertThat(first.stoppedWithin(Duration.ofSeconds(60))).as("stopped after finishing it").isTrue();
		}
		try (AppProcess second = start(dataDir, "stop-second")) {
			second.secondsUntilHealthy(System.nanoTime());
			int secondPort = second.port();
			HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
					+ secondPort + "/m/060101/tramites/licencia-funcionamiento/presentada"))
				.header("Cookie", "tramita-recibo=" + receipt).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(FilingReceipts.textOf(page.body(), "case-number")).isEqualTo("060101-%d-000001".formatted(
					java.time.LocalDate.now(java.time.ZoneId.of("America/Lima")).getYear()));
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A licence filed over HTTP by a citizen who authorised e-mail notification at {@code address}. */
	private static void fileWithAddress(int port, String address) {
		HttpVisitor citizen = new HttpVisitor(port);
		citizen.get(FORM);
		Map<String, String> fields = new LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		fields.put("email", address);
		fields.put("emailNotificationAccepted", "true");
		HttpResponse<String> filed = citizen.postMultipart(FORM, new Multipart().fields(fields)
			.file("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()));
		assertThat(filed.statusCode()).as("filed").isEqualTo(302);
	}

	private static void fileUntilStopped(int port, AtomicBoolean running, List<String> receipts) {
		while (running.get()) {
			try {
				fileOnce(port, receipts);
			}
			catch (RuntimeException killed) {
				return;
			}
		}
	}

	/** One citizen's filing; its receipt is kept once the application has handed it out (the filing acknowledged). */
	private static void fileOnce(int port, List<String> receipts) {
		HttpVisitor citizen = new HttpVisitor(port);
		citizen.get(FORM);
		Map<String, String> fields = new LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		HttpResponse<String> filed = citizen.postMultipart(FORM, new Multipart().fields(fields)
			.file("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()));
		if (filed.statusCode() != 302) {
			throw new IllegalStateException("filing answered " + filed.statusCode());
		}
		Matcher receipt = Pattern.compile("tramita-recibo=([^;]+)").matcher(String.join("\n",
				filed.headers().allValues("Set-Cookie")));
		if (!receipt.find()) {
			throw new IllegalStateException("no receipt after filing");
		}
		receipts.add(receipt.group(1));
	}

	private static List<Integer> rangeFrom1(int n) {
		List<Integer> range = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			range.add(i);
		}
		return range;
	}

	/** Tramita as an operator starts it: production settings, demo keys only so that it can issue. */
	private static AppProcess start(Path dataDir, String run, String... more) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--tramita.signing.demo-keys=true",
				"--tramita.database.durable=" + DURABLE, "--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1"));
		arguments.addAll(List.of(more));
		// port 0: the application takes a free port itself (one chosen here could go to its PostgreSQL meanwhile)
		return AppProcess.start(AppProcess.testJvmClasspath(), dataDir, 0, dataDir.resolveSibling("crash-" + run + ".log"),
				arguments);
	}

}
