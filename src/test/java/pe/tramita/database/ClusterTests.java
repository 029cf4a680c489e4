package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import pe.tramita.TramitaApplication;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.AppProcess;
import pe.tramita.support.Applications;
import pe.tramita.support.DebianPostgres;
import pe.tramita.support.EngineTimers;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.HttpVisitor.Multipart;
import pe.tramita.support.FeeFreeTupa;
import pe.tramita.support.NginxProxy;
import pe.tramita.support.SampleFiles;

/**
 * Two nodes on one PostgreSQL (Debian's server), behind Debian's nginx configured by {@code deploy/nginx/tramita.conf},
 * round robin without sticky sessions, each node with the environment of {@code deploy/tramita.env.example}. Staff
 * and citizens work through the proxy while nodes are killed, drained and cut from their database.
 */
@Tag("own-jvm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

	private static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	private static final String PASSWORD = "tramita";

	private static final Pattern NODE = Pattern.compile(" node=127\\.0\\.0\\.1:(\\d+) ");

	private static final Pattern REQUEST_ID = Pattern.compile(" id=(\\w+)$");

	private Path work;

	private DebianPostgres database;

	private final Map<String, AppProcess> nodes = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private NginxProxy proxy;

	/** The installation's SMTP server: both nodes send the citizens' messages through it. */
	private GreenMail mailServer;

	@BeforeAll
	void twoNodesBehindTheProxy() throws Exception {
		mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mailServer.start();
		work = EmbeddedDatabaseTests.freshDirectory("cluster");
		database = DebianPostgres.create(Files.createTempDirectory("tramita-pg"));
		ports.put("a", DebianPostgres.freePort());
		ports.put("b", DebianPostgres.freePort());
		long launched = System.nanoTime();
		start("a");
		start("b");
		double a = nodes.get("a").secondsUntilHealthy(launched);
		double b = nodes.get("b").secondsUntilHealthy(launched);
		System.out.printf("Cluster: two nodes launched together on an empty database, ready after %.1f s and %.1f s%n", a,
				b);
		proxy = NginxProxy.start(List.copyOf(ports.values()));
		try (Connection db = database.connect()) {
			FeeFreeTupa.in(db, "060101", "licencia-funcionamiento");
		}
	}

	@AfterAll
	void stopEverything() throws Exception {
		if (proxy != null) {
			proxy.close();
		}
		for (AppProcess node : nodes.values()) {
			node.close();
		}
		if (database != null) {
			database.close();
		}
		if (mailServer != null) {
			mailServer.stop();
		}
	}

	@Test
	@Order(1)
	void staffAndCitizensWorkThroughTheProxyWhicheverNodeAnswers() throws Exception {
		HttpVisitor clerk = HttpVisitor.loggedIn(proxy.visitor(), "mesa.cajamarca", PASSWORD);
		int mark = proxy.accessLog().size();
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> list = clerk.get("/bandeja");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body()).as("still logged in").contains("Salir").doesNotContain("name=\"password\"");
		}
		assertThat(nodesOf(proxy.accessLog().subList(mark, proxy.accessLog().size())))
			.as("one login, its requests answered by both nodes").hasSize(2);

		mark = proxy.accessLog().size();
		Receipt receipt = file(proxy.visitor());
		List<String> filing = proxy.accessLog().subList(mark, proxy.accessLog().size());
		assertThat(nodesOf(filing)).as("form, filing and receipt on both nodes").hasSize(2);

		String post = filing.stream().filter(line -> line.contains("\"POST " + FORM)).findFirst().orElseThrow();
		Matcher id = REQUEST_ID.matcher(post);
		assertThat(id.find()).isTrue();
		Path nodeLog = nodes.get(nodeOf(post)).log();
		String logged = Files.readAllLines(nodeLog).stream()
			.filter(line -> line.contains("Case " + receipt.caseNumber() + " filed"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no filing line in " + nodeLog));
		assertThat(logged).as("a JSON line with the proxy's request id").startsWith("{")
			.contains("\"requestId\":\"" + id.group(1) + "\"");

		assertThat(filingMessageIds(List.of(receipt), Duration.ofSeconds(30)).get(receipt.caseNumber()))
			.as("its filing e-mail, sent by one node").hasSize(1);

		assertThat(review(clerk, receipt.caseNumber())).as("claimed and completed through the proxy").isTrue();
		try (Connection db = database.connect()) {
			assertThat(completedReviews(db, receipt.caseNumber())).isOne();
			assertThat(activeTask(db, receipt.caseNumber())).isEqualTo("classifyRisk");
		}
	}

	@Test
	@Order(2)
	void aChangeMadeOnOneNodeIsFollowedByTheOtherWithinSeconds() throws Exception {
		HttpVisitor citizenOnB = new HttpVisitor(ports.get("b"));
		Receipt before = file(citizenOnB);
		HttpVisitor admin = HttpVisitor.loggedIn(ports.get("a"), "admin", PASSWORD);
		admin.get("/bandeja/calendario");
		HttpResponse<String> declared = admin.postForm("/bandeja/calendario/dias", Map.of("dia",
				before.dueDate().toString(), "ubigeo", "060101", "nombre", "Día no laborable de prueba", "base",
				"Decreto de Alcaldía de prueba"));
		assertThat(declared.statusCode()).isEqualTo(302);
		long changed = System.nanoTime();
		Receipt after = file(citizenOnB);
		while (after.dueDate().equals(before.dueDate()) && System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(15)) {
			Thread.sleep(500);
			after = file(citizenOnB);
		}
		double calendarSeconds = (System.nanoTime() - changed) / 1e9;
		assertThat(after.dueDate()).as("node B's terms follow the day declared on node A").isAfter(before.dueDate());

		HttpVisitor managerOnA = HttpVisitor.loggedIn(ports.get("a"), "gerente.cajamarca", PASSWORD);
		HttpVisitor managerOnB = HttpVisitor.loggedIn(ports.get("b"), "gerente.cajamarca", PASSWORD);
		assertThat(managerOnB.get("/bandeja/certificados/firma/060101").body()).contains("Gonzalo Gerente");
		managerOnA.get("/bandeja/certificados/firma/060101");
		assertThat(managerOnA.postMultipart("/bandeja/certificados/firma/060101", new Multipart()
			.field("nombre", "Rosa Nueva Gerente").field("cargo", "Gerente Municipal")).statusCode()).isEqualTo(302);
		changed = System.nanoTime();
		while (!managerOnB.get("/bandeja/certificados/firma/060101").body().contains("Rosa Nueva Gerente")
				&& System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(15)) {
			Thread.sleep(200);
		}
		double signatorySeconds = (System.nanoTime() - changed) / 1e9;
		System.out.printf("Cluster: node B followed node A's calendar after %.1f s, its signatory after %.1f s%n",
				calendarSeconds, signatorySeconds);
		assertThat(managerOnB.get("/bandeja/certificados/firma/060101").body()).contains("Rosa Nueva Gerente");
		assertThat(calendarSeconds).isLessThan(6);
		assertThat(signatorySeconds).isLessThan(6);
	}

	@Test
	@Order(3)
	void scheduledWorkRunsOncePerIntervalForTheWholeInstallation() throws Exception {
		double before = scheduledRuns("a") + scheduledRuns("b");
		long started = System.nanoTime();
		Thread.sleep(8_000);
		double seconds = (System.nanoTime() - started) / 1e9;
		double runs = scheduledRuns("a") + scheduledRuns("b") - before;
		System.out.printf("Cluster: the 2-s retry task ran %.0f times in %.1f s on two nodes%n", runs, seconds);
		assertThat(runs).as("once per 2-s interval, not once per node").isBetween(2.0, Math.floor(seconds / 2) + 1);
	}

	@Test
	@Order(4)
	void metricsAndProbesAreForMonitoringOnly() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String node = "http://localhost:" + ports.get("a");
		assertThat(send(client, node + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(send(client, node + "/actuator/health", null).statusCode()).isEqualTo(401);
		assertThat(send(client, node + "/actuator/prometheus", HttpVisitor.basic("mesa.cajamarca", PASSWORD))
			.statusCode()).as("a clerk").isEqualTo(403);
		HttpResponse<String> readiness = send(client, node + "/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(proxy.visitor().get("/actuator/health/readiness").statusCode()).as("never through the public site")
			.isEqualTo(404);

		String metrics = send(client, node + "/actuator/prometheus", HttpVisitor.basic("monitoreo", PASSWORD)).body();
		assertThat(metrics).contains("http_server_requests_seconds_bucket{", "uri=\"/m/{ubigeo}/tramites/{key}/solicitud\"",
				"hikaricp_connections_active{", "tramita_jobs_acquired_total{", "tramita_jobs_executed_total{",
				"tramita_jobs_due{", "tramita_incidents_open{", "tramita_cases{");
		Matcher filed = Pattern.compile("tramita_cases\\{[^}]*status=\"EN_TRAMITE\"[^}]*} (\\d+)").matcher(metrics);
		assertThat(filed.find()).isTrue();
		assertThat(Double.parseDouble(filed.group(1))).isGreaterThan(0);
		HttpVisitor monitoring = HttpVisitor.loggedIn(ports.get("a"), "monitoreo", PASSWORD);
		assertThat(monitoring.get("/bandeja").statusCode()).as("monitoring sees no cases").isEqualTo(403);
	}

	@Test
	@Order(5)
	void aKilledNodeLosesNothingAcknowledgedAndDoesNothingTwice() throws Exception {
		List<Receipt> timed = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			timed.add(file(proxy.visitor()));
		}
		Crowd crowd = new Crowd().citizens(6).clerk("mesa.cajamarca", 0).clerk("mesa2.cajamarca", 1);
		List<Receipt> filed = crowd.filed;
		List<String> reviewed = crowd.reviewed;
		Thread.sleep(5_000);
		long killedAt = System.nanoTime();
		nodes.get("a").kill();
		int filedAtKill = filed.size();
		List<Receipt> acknowledgedBeforeKill = List.copyOf(filed.subList(0, filedAtKill));
		ZonedDateTime due = ZonedDateTime.now(TramitaApplication.LIMA).plusSeconds(3);
		for (Receipt receipt : timed) {
			setTimerDue(receipt, due);
		}
		Thread.sleep(6_000);
		start("a");
		nodes.get("a").secondsUntilHealthy(System.nanoTime());
		Thread.sleep(3_000);
		crowd.stop();

		long failedAfterKill = crowd.failures.stream().filter(at -> at >= killedAt).count();
		double longestGap = longestGapWithoutSuccess(crowd.successes, killedAt);
		try (Connection db = database.connect()) {
			for (Receipt receipt : filed) {
				assertThat(casesNumbered(db, receipt.caseNumber())).as(receipt.caseNumber()).isOne();
			}
			List<Integer> sequences = sequences(db);
			assertThat(sequences).as("case numbers without gaps or repeats").isEqualTo(
					java.util.stream.IntStream.rangeClosed(1, sequences.size()).boxed().toList());
			for (String caseNumber : reviewed) {
				assertThat(completedReviews(db, caseNumber)).as("review of " + caseNumber).isOne();
			}
			assertThat(reviewsCompletedTwice(db)).as("no review completed twice").isZero();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (silenceApplied(db, timed) < timed.size() && System.nanoTime() < deadline) {
				Thread.sleep(1000);
			}
			for (Receipt receipt : timed) {
				assertThat(certificates(db, receipt.caseNumber())).as("certificate by silence of " + receipt.caseNumber())
					.isOne();
				assertThat(status(db, receipt.caseNumber())).isEqualTo("APROBADO_POR_SILENCIO");
			}
			System.out.printf("Cluster, kill -9 of one node under load: %d filings acknowledged (%d before the kill), "
					+ "%d found once each; %d reviews acknowledged, each done once; %d requests failed after the kill "
					+ "(in flight on the killed node); longest time without an answer %.2f s; %d timers due while it "
					+ "was down fired once each%n", filed.size(), filedAtKill, filed.size(), reviewed.size(),
					failedAfterKill, longestGap, timed.size());
		}
		// the e-mails of the filings acknowledged before the kill: sent by either node, waiting, or being sent by the
		// killed one when it died (the later ones' e-mails are a backlog both nodes work off meanwhile)
		long mailWait = System.nanoTime();
		Map<String, List<String>> sent = filingMessageIds(acknowledgedBeforeKill, Duration.ofSeconds(90));
		int resent = 0;
		for (Receipt receipt : acknowledgedBeforeKill) {
			List<String> ids = sent.getOrDefault(receipt.caseNumber(), List.of());
			assertThat(ids).as("the filing e-mail of " + receipt.caseNumber()).isNotEmpty();
			assertThat(ids.stream().distinct()).as("one message, however often sent").hasSize(1);
			resent += ids.size() - 1;
		}
		System.out.printf("Cluster, kill -9: the e-mails of the %d filings acknowledged before the kill all sent "
				+ "(%.1f s after the checks began), %d of them twice (a node killed between the mail server's answer and "
				+ "recording it)%n", acknowledgedBeforeKill.size(), (System.nanoTime() - mailWait) / 1e9, resent);
		assertThat(filed.size()).isGreaterThan(filedAtKill);
		assertThat(reviewed).isNotEmpty();
		assertThat(failedAfterKill).as("only the requests in flight on the killed node fail").isLessThanOrEqualTo(8);
	}

	@Test
	@Order(6)
	void aNodeToldToStopFinishesItsRequestsWhileTheProxySendsTheRestElsewhere() throws Exception {
		Crowd crowd = new Crowd().citizens(6);
		Thread.sleep(4_000);
		int mark = proxy.accessLog().size();
		long told = System.nanoTime();
		nodes.get("b").terminate();
		assertThat(nodes.get("b").stoppedWithin(Duration.ofSeconds(45))).as("drained and stopped").isTrue();
		double drained = (System.nanoTime() - told) / 1e9;
		Thread.sleep(3_000);
		crowd.stop();
		try (Connection db = database.connect()) {
			for (Receipt receipt : crowd.filed) {
				assertThat(casesNumbered(db, receipt.caseNumber())).as(receipt.caseNumber()).isOne();
			}
		}
		List<String> log = proxy.accessLog();
		long passedOn = log.subList(mark, log.size()).stream().filter(line -> line.contains("node_status=502, 200")).count();
		System.out.printf("Cluster, SIGTERM of one node under load: stopped after %.1f s; %d filings acknowledged, "
				+ "%d requests failed; %d requests the draining node passed on%n", drained, crowd.filed.size(),
				crowd.failures.size(), passedOn);
		assertThat(crowd.problems).as("no citizen saw an error").isEmpty();
		assertThat(passedOn).as("the draining node's 502 made nginx send the GET on and leave it out").isPositive();
		// b stays down: the last test needs node a alone, and a restart is already tried on a after its kill
	}

	@Test
	@Order(7)
	void withoutItsDatabaseANodeIsNotReadyAndRecoversByItself() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String readiness = "http://localhost:" + ports.get("a") + "/actuator/health/readiness";
		String liveness = "http://localhost:" + ports.get("a") + "/actuator/health/liveness";
		database.stop();
		boolean databaseUp = false;
		long stopped = System.nanoTime();
		try {
			while (send(client, readiness, null).statusCode() != 503
					&& System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(30)) {
				Thread.sleep(250);
			}
			double down = (System.nanoTime() - stopped) / 1e9;
			assertThat(send(client, readiness, null).statusCode()).as("not ready without the database").isEqualTo(503);
			assertThat(send(client, liveness, null).statusCode()).as("still alive").isEqualTo(200);
			long asked = System.nanoTime();
			HttpResponse<String> page = proxy.visitor().get("/m/060101");
			double answeredIn = (System.nanoTime() - asked) / 1e9;
			assertThat(answeredIn).as("a page that needs the database answers instead of hanging").isLessThan(8);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("No se guardó nada de este pedido");
			database.start();
			databaseUp = true;
			long back = System.nanoTime();
			while (send(client, readiness, null).statusCode() != 200
					&& System.nanoTime() - back < TimeUnit.SECONDS.toNanos(60)) {
				Thread.sleep(250);
			}
			double up = (System.nanoTime() - back) / 1e9;
			System.out.printf("Cluster, database stopped: readiness DOWN after %.1f s (a page answered %d in %.1f s); "
					+ "database back: readiness UP after %.1f s%n", down, page.statusCode(), answeredIn, up);
			assertThat(down).isLessThan(15);
			assertThat(send(client, readiness, null).statusCode()).as("ready again, without a restart").isEqualTo(200);
			assertThat(file(proxy.visitor()).caseNumber()).startsWith("060101-");
		}
		finally {
			if (!databaseUp) {
				database.start();
			}
		}
	}

	// ---- the people at work

	/** Citizens and clerks working through the proxy until stopped: what was acknowledged, and when things failed. */
	private final class Crowd {

		final List<Receipt> filed = Collections.synchronizedList(new ArrayList<>());

		final List<String> reviewed = Collections.synchronizedList(new ArrayList<>());

		final List<Long> successes = Collections.synchronizedList(new ArrayList<>());

		final List<Long> failures = Collections.synchronizedList(new ArrayList<>());

		final List<String> problems = Collections.synchronizedList(new ArrayList<>());

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final ExecutorService people = Executors.newCachedThreadPool();

		/** Each citizen files, reads the receipt, and files again. */
		Crowd citizens(int count) {
			for (int i = 0; i < count; i++) {
				people.submit(this::citizen);
			}
			return this;
		}

		/** A clerk reviews the cases filed whose number has this parity (two clerks never take the same case). */
		Crowd clerk(String user, int parity) {
			people.submit(() -> work(user, parity));
			return this;
		}

		void stop() throws InterruptedException {
			running.set(false);
			people.shutdown();
			assertThat(people.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		}

		private void citizen() {
			while (running.get()) {
				try {
					filed.add(file(proxy.visitor()));
					successes.add(System.nanoTime());
				}
				catch (RuntimeException e) {
					failures.add(System.nanoTime());
					problems.add(String.valueOf(e));
				}
				// a person reads the receipt before the next filing
				sleep(250);
			}
		}

		private void work(String user, int parity) {
			HttpVisitor clerk = HttpVisitor.loggedIn(proxy.visitor(), user, PASSWORD);
			Set<String> tried = new HashSet<>();
			while (running.get()) {
				String next = nextCase(parity, tried);
				if (next == null) {
					sleep(200);
					continue;
				}
				tried.add(next);
				try {
					if (review(clerk, next)) {
						reviewed.add(next);
						successes.add(System.nanoTime());
					}
				}
				catch (RuntimeException e) {
					failures.add(System.nanoTime());
					problems.add(String.valueOf(e));
				}
			}
		}

		private String nextCase(int parity, Set<String> tried) {
			synchronized (filed) {
				for (Receipt receipt : filed) {
					String number = receipt.caseNumber();
					if (Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)) % 2 == parity
							&& !tried.contains(number)) {
						return number;
					}
				}
			}
			return null;
		}

	}

	/** A citizen's filing: the form, the post, the receipt page; answers the receipt once it was shown. */
	private static Receipt file(HttpVisitor citizen) {
		check(citizen.get(FORM), 200);
		HttpResponse<String> filed = citizen.postMultipart(FORM, new Multipart()
			.fields(Applications.formFields(RiskLevel.BAJO))
			.file("documento-declaracion-itse", "dj.pdf", "application/pdf", SampleFiles.pdf()));
		check(filed, 302);
		String receipt = check(citizen.get(filed.headers().firstValue("Location").orElseThrow()), 200).body();
		return new Receipt(FilingReceipts.textOf(receipt, "case-number"), FilingReceipts.textOf(receipt, "access-code"),
				LocalDate.parse(FilingReceipts.textOf(receipt, "due-date"), DateTimeFormatter.ofPattern("dd/MM/yyyy")));
	}

	/** The clerk's review of a case: find its task, claim it, complete it; true once the completion is acknowledged. */
	private static boolean review(HttpVisitor clerk, String caseNumber) {
		String list = check(clerk.get("/bandeja?vista=oficina&buscar=" + caseNumber), 200).body();
		int row = list.indexOf(">" + caseNumber + "<");
		if (row < 0) {
			return false;
		}
		int link = list.lastIndexOf("/bandeja/tareas/", row);
		String task = list.substring(link, list.indexOf('"', link));
		check(clerk.postForm(task + "/reclamar", Map.of()), 302);
		check(clerk.get(task), 200);
		HttpResponse<String> done = check(clerk.postForm(task + "/completar", Map.of("requisitosCompletos", "true")), 302);
		return "/bandeja".equals(done.headers().firstValue("Location").orElse(""));
	}

	private static HttpResponse<String> check(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode());
		}
		return response;
	}

	private record Receipt(String caseNumber, String accessCode, LocalDate dueDate) {
	}

	// ---- the mail server

	/**
	 * The Message-IDs of the filing e-mails the server has, by case number, once every one of these filings has one
	 * (or the wait is over).
	 */
	private Map<String, List<String>> filingMessageIds(List<Receipt> filings, Duration wait) throws Exception {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			Map<String, List<String>> sent = new HashMap<>();
			for (MimeMessage message : mailServer.getReceivedMessages()) {
				if (header(message, "Subject").startsWith("Recibimos su solicitud")) {
					sent.computeIfAbsent(header(message, "X-Tramita-Expediente"), number -> new ArrayList<>())
						.add(messageId(message));
				}
			}
			if (filings.stream().allMatch(filing -> sent.containsKey(filing.caseNumber()))
					|| System.nanoTime() > deadline) {
				return sent;
			}
			Thread.sleep(500);
		}
	}

	private static String messageId(MimeMessage message) {
		return header(message, "Message-ID");
	}

	private static String header(MimeMessage message, String name) {
		try {
			String value = message.getHeader(name, null);
			return value == null ? "" : MimeUtility.decodeText(value);
		}
		catch (MessagingException | UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---- the nodes

	private void start(String name) throws IOException {
		nodes.put(name, AppProcess.start(AppProcess.testJvmClasspath(), work.resolve("data-" + name), ports.get(name),
				work.resolve("node-" + name + "-" + System.nanoTime() + ".log"),
				List.of("--spring.profiles.active=demo", "--tramita.demo.history-weeks=0",
						"--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
						"--tramita.analytics.retry-after=PT2S",
						// a message whose node died mid-send goes again after this (2 min in production)
						"--tramita.mail.lease=PT15S"),
				environment()));
	}

	/** The example environment file of deploy/, with this machine's database, keystore folder and proxy address. */
	private Map<String, String> environment() throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("deploy", "tramita.env.example"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
				"TRAMITA_SIGNING_KEYSTORE_DIR", "TRAMITA_SIGNING_KEYSTORE_PASSWORD", "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
		environment.remove("JAVA_OPTS");
		// the demo's users instead of a first administrator
		environment.remove("TRAMITA_ADMIN_PASSWORD");
		environment.putAll(database.nodeEnvironment());
		environment.put("TRAMITA_PUBLIC_URL", "https://localhost");
		// the test's SMTP server: plain, without an account
		assertThat(environment).containsKeys("SPRING_MAIL_HOST", "TRAMITA_MAIL_FROM");
		environment.keySet().removeIf(key -> key.startsWith("SPRING_MAIL_"));
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", String.valueOf(mailServer.getSmtp().getPort()));
		environment.put("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "127\\.0\\.0\\.1");
		environment.put("TRAMITA_SIGNING_KEYSTORE_DIR", work.resolve("keys").toString());
		return environment;
	}

	private double scheduledRuns(String node) throws Exception {
		String metrics = send(HttpClient.newHttpClient(), "http://localhost:" + ports.get(node) + "/actuator/prometheus",
				HttpVisitor.basic("monitoreo", PASSWORD)).body();
		Matcher runs = Pattern.compile("tramita_scheduled_runs_total\\{[^}]*task=\"recordFailedConclusions\"[^}]*} (\\S+)")
			.matcher(metrics);
		return runs.find() ? Double.parseDouble(runs.group(1)) : 0;
	}

	/** The operator's way to move a timer: the engine's REST API, as an administrator, through the proxy. */
	private void setTimerDue(Receipt receipt, ZonedDateTime due) throws Exception {
		EngineTimers.moveTimer(HttpClient.newBuilder().sslContext(proxy.tls()).build(), proxy.baseUrl() + "/engine-rest",
				HttpVisitor.basic("admin", PASSWORD), receipt.caseNumber(), due);
	}

	// ---- what the database says

	private static long casesNumbered(Connection db, String caseNumber) throws Exception {
		return Long.parseLong(single(db, "SELECT count(*) FROM tramita.expediente WHERE case_number = ?", caseNumber));
	}

	private static List<Integer> sequences(Connection db) throws Exception {
		List<Integer> sequences = new ArrayList<>();
		try (ResultSet rows = db.createStatement().executeQuery(
				"SELECT sequence FROM tramita.expediente WHERE ubigeo = '060101' ORDER BY sequence")) {
			while (rows.next()) {
				sequences.add(rows.getInt(1));
			}
		}
		return sequences;
	}

	private static long completedReviews(Connection db, String caseNumber) throws Exception {
		return Long.parseLong(single(db, """
				SELECT count(*) FROM act_hi_taskinst t JOIN tramita.expediente e ON e.process_instance_id = t.proc_inst_id_
				WHERE e.case_number = ? AND t.task_def_key_ = 'reviewRequirements' AND t.end_time_ IS NOT NULL
				  AND t.delete_reason_ = 'completed'""", caseNumber));
	}

	private static long reviewsCompletedTwice(Connection db) throws Exception {
		try (ResultSet row = db.createStatement().executeQuery("""
				SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_taskinst WHERE task_def_key_ = 'reviewRequirements'
				  AND delete_reason_ = 'completed' GROUP BY proc_inst_id_ HAVING count(*) > 1) twice""")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static String activeTask(Connection db, String caseNumber) throws Exception {
		return single(db, """
				SELECT t.task_def_key_ FROM act_ru_task t JOIN tramita.expediente e ON e.process_instance_id = t.proc_inst_id_
				WHERE e.case_number = ?""", caseNumber);
	}

	private static long certificates(Connection db, String caseNumber) throws Exception {
		return Long.parseLong(single(db, """
				SELECT count(*) FROM tramita.certificate c JOIN tramita.expediente e ON e.id = c.expediente_id
				WHERE e.case_number = ?""", caseNumber));
	}

	private static String status(Connection db, String caseNumber) throws Exception {
		return single(db, "SELECT status FROM tramita.expediente WHERE case_number = ?", caseNumber);
	}

	private static long silenceApplied(Connection db, List<Receipt> receipts) throws Exception {
		long applied = 0;
		for (Receipt receipt : receipts) {
			if ("APROBADO_POR_SILENCIO".equals(status(db, receipt.caseNumber()))) {
				applied++;
			}
		}
		return applied;
	}

	private static String single(Connection db, String sql, String parameter) throws Exception {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet row = statement.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
	}

	// ---- the proxy's log

	private static Set<String> nodesOf(List<String> accessLog) {
		Set<String> nodes = new HashSet<>();
		accessLog.forEach(line -> {
			Matcher node = NODE.matcher(line);
			if (node.find()) {
				nodes.add(node.group(1));
			}
		});
		return nodes;
	}

	private String nodeOf(String accessLogLine) {
		Matcher node = NODE.matcher(accessLogLine);
		assertThat(node.find()).as(accessLogLine).isTrue();
		int port = Integer.parseInt(node.group(1));
		return ports.entrySet().stream().filter(entry -> entry.getValue() == port).findFirst().orElseThrow().getKey();
	}

	private static double longestGapWithoutSuccess(List<Long> successes, long from) {
		List<Long> after = new ArrayList<>(successes.stream().filter(at -> at >= from).sorted().toList());
		after.add(0, from);
		long longest = 0;
		for (int i = 1; i < after.size(); i++) {
			longest = Math.max(longest, after.get(i) - after.get(i - 1));
		}
		return longest / 1e9;
	}

	private static HttpResponse<String> send(HttpClient client, String url, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
