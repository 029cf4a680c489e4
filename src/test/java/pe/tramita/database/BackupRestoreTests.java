package pe.tramita.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.TramitaApplication;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.AppProcess;
import pe.tramita.support.Applications;
import pe.tramita.support.DebianPostgres;
import pe.tramita.support.EngineTimers;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.FeeFreeTupa;
import pe.tramita.support.Folders;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.HttpVisitor.Multipart;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.SampleFiles;

/**
 * The README's backup and restore, with the scripts of {@code deploy/}: a backup taken while a node works, everything
 * wiped (database server and keystores), the backup restored on a new, empty server; every case, document and
 * certificate is there, certificates still verify, the restored keystore signs (demo keys off), and the engine carries
 * on (a timer due after the restore fires).
 */
@Tag("own-jvm")
class BackupRestoreTests {

	private static final Pattern CERTIFICATE = Pattern.compile("/verificar/([A-Z2-9]{5}-[A-Z2-9]{5})/pdf");

	private static final String LICENCE = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	private static final String BUILDING = "/m/060101/tramites/licencia-edificacion-a/solicitud";

	@Test
	void aBackupRestoredOnAnEmptyServerHasEverythingAndTheEngineCarriesOn() throws Exception {
		Path work = EmbeddedDatabaseTests.freshDirectory("backup");
		Path keys = work.resolve("keys");
		Path backup = work.resolve("backup");
		Map<String, String> accessCodes = new LinkedHashMap<>();
		List<String> certificates = new ArrayList<>();
		String contentsBefore;
		String keystoreBefore;
		try (DebianPostgres first = DebianPostgres.create(Files.createTempDirectory("tramita-pg"))) {
			try (AppProcess node = start(first, keys, work, "before", true)) {
				node.secondsUntilHealthy(System.nanoTime());
				try (Connection db = first.connect()) {
					FeeFreeTupa.in(db, "060101", "licencia-funcionamiento", "licencia-edificacion-a");
				}
				HttpVisitor citizen = new HttpVisitor(node.port());
				for (int i = 0; i < 3; i++) {
					String[] licence = file(citizen, LICENCE, "documento-declaracion-itse", Applications.formFields(RiskLevel.BAJO));
					accessCodes.put(licence[0], licence[1]);
					String[] building = file(citizen, BUILDING, "documento-planos", buildingFields());
					accessCodes.put(building[0], building[1]);
					certificates.add(awaitCertificate(citizen, building[0], building[1]));
				}
				// while the node works
				run(List.of("deploy/backup.sh", backup.toString()), first, keys);
			}
			contentsBefore = contents(first);
			keystoreBefore = digest(Files.readAllBytes(keys.resolve("060101.p12")));
		}
		Folders.delete(keys);
		assertThat(keys).doesNotExist();

		try (DebianPostgres second = DebianPostgres.create(Files.createTempDirectory("tramita-pg"))) {
			run(List.of("deploy/restore.sh", backup.toString()), second, keys);
			assertThat(contents(second)).as("every case, document and certificate file, byte for byte")
				.isEqualTo(contentsBefore);
			assertThat(digest(Files.readAllBytes(keys.resolve("060101.p12")))).isEqualTo(keystoreBefore);
			Process again = process(List.of("deploy/restore.sh", backup.toString()), second, keys);
			assertThat(again.waitFor()).as("a second restore onto a database in use is refused").isEqualTo(2);

			// demo keys off: a certificate issued now is signed with the restored keystore or not at all
			try (AppProcess node = start(second, keys, work, "after", false)) {
				node.secondsUntilHealthy(System.nanoTime());
				HttpVisitor citizen = new HttpVisitor(node.port());
				for (Map.Entry<String, String> filed : accessCodes.entrySet()) {
					String status = citizen.statusPage(filed.getKey(), filed.getValue()).body();
					assertThat(status).as(filed.getKey()).contains(filed.getKey(), ".pdf");
				}
				for (String code : certificates) {
					assertThat(citizen.get("/verificar/" + code).body()).contains("Auténtico y vigente");
					byte[] pdf = bytes(node, "/verificar/" + code + "/pdf");
					assertThat(PdfChecks.pdfsig(pdf)).contains("Signature Validation: Signature is Valid.");
				}

				String[] licence = accessCodes.entrySet().stream().findFirst()
					.map(entry -> new String[] { entry.getKey(), entry.getValue() }).orElseThrow();
				setTimerDue(node, licence[0], ZonedDateTime.now(TramitaApplication.LIMA).plusSeconds(2));
				String silence = awaitCertificate(citizen, licence[0], licence[1]);
				byte[] pdf = bytes(node, "/verificar/" + silence + "/pdf");
				assertThat(PdfChecks.text(pdf)).contains("SILENCIO ADMINISTRATIVO POSITIVO");
				assertThat(PdfChecks.pdfsig(pdf)).contains("Signature Validation: Signature is Valid.",
						"Municipalidad Provincial de Cajamarca (DEMO)");
				System.out.printf("Backup and restore: %d cases, %d certificates, documents byte for byte; after the "
						+ "restore a silence timer fired and its certificate was signed with the restored keystore%n",
						accessCodes.size(), certificates.size());
			}
		}
	}

	private static AppProcess start(DebianPostgres database, Path keys, Path work, String run, boolean demoKeys)
			throws Exception {
		Map<String, String> environment = new HashMap<>(database.nodeEnvironment());
		environment.put("TRAMITA_SIGNING_KEYSTORE_DIR", keys.toString());
		environment.put("TRAMITA_SIGNING_KEYSTORE_PASSWORD", "Clave-De-Los-Almacenes-1");
		environment.put("TRAMITA_SIGNING_DEMO_KEYS", String.valueOf(demoKeys));
		return AppProcess.start(AppProcess.testJvmClasspath(), work.resolve("data-" + run), 0,
				work.resolve("node-" + run + ".log"), List.of("--tramita.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1"),
				environment);
	}

	private static String[] file(HttpVisitor citizen, String form, String document, Map<String, String> fields) {
		citizen.get(form);
		HttpResponse<String> filed = citizen.postMultipart(form, new Multipart().fields(fields)
			.file(document, "documento.pdf", "application/pdf", SampleFiles.pdf()));
		assertThat(filed.statusCode()).as(form + ": " + filed.body()).isEqualTo(302);
		String receipt = citizen.get(filed.headers().firstValue("Location").orElseThrow()).body();
		return new String[] { FilingReceipts.textOf(receipt, "case-number"), FilingReceipts.textOf(receipt, "access-code") };
	}

	private static Map<String, String> buildingFields() {
		Map<String, String> fields = new LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		fields.keySet().retainAll(List.of("documentType", "documentNumber", "applicantName", "email", "phone",
				"declarationAccepted"));
		fields.put("direccionPredio", "Jr. Amalia Puga 245, Cajamarca");
		fields.put("partidaRegistral", "11023456");
		fields.put("descripcionObra", "Ampliación de un dormitorio en el segundo piso");
		fields.put("areaTechada", "35");
		fields.put("profesionalResponsable", "Arq. Carmen Rojas, CAP 12345");
		return fields;
	}

	/** The case's certificate code, once its status page shows one (issued by the engine's jobs). */
	private static String awaitCertificate(HttpVisitor citizen, String caseNumber, String accessCode) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			Matcher code = CERTIFICATE.matcher(citizen.statusPage(caseNumber, accessCode).body());
			if (code.find()) {
				return code.group(1);
			}
			Thread.sleep(500);
		}
		throw new AssertionError("no certificate for " + caseNumber + " after 90 s");
	}

	private static void setTimerDue(AppProcess node, String caseNumber, ZonedDateTime due) throws Exception {
		EngineTimers.moveTimer(HttpClient.newHttpClient(), "http://localhost:" + node.port() + "/engine-rest",
				node.adminCredentials(), caseNumber, due);
	}

	private static byte[] bytes(AppProcess node, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
			.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	/** A digest of every case, document and certificate file, and of the engine's running processes. */
	private static String contents(DebianPostgres database) throws Exception {
		StringBuilder all = new StringBuilder();
		try (Connection db = database.connect()) {
			for (String query : List.of(
					"SELECT string_agg(case_number || status, ',' ORDER BY id) FROM tramita.expediente",
					"SELECT string_agg(md5(content), ',' ORDER BY id) FROM tramita.document",
					"SELECT string_agg(md5(pdf), ',' ORDER BY certificate_id) FROM tramita.certificate_file",
					"SELECT string_agg(number || status, ',' ORDER BY id) FROM tramita.certificate",
					"SELECT string_agg(id_, ',' ORDER BY id_) FROM act_ru_execution",
					"SELECT string_agg(id_ || duedate_, ',' ORDER BY id_) FROM act_ru_job")) {
				try (ResultSet row = db.createStatement().executeQuery(query)) {
					row.next();
					all.append(row.getString(1)).append('\n');
				}
			}
		}
		return digest(all.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void run(List<String> command, DebianPostgres database, Path keys) throws Exception {
		Process process = process(command, database, keys);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
		System.out.print(output);
	}

	/** The operator's command, with the nodes' settings in its environment, as the README says to run it. */
	private static Process process(List<String> command, DebianPostgres database, Path keys) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(database.nodeEnvironment());
		builder.environment().put("TRAMITA_SIGNING_KEYSTORE_DIR", keys.toString());
		builder.environment().put("PATH", DebianPostgres.clientTool("pg_dump").getParent() + ":"
				+ System.getenv("PATH"));
		return builder.start();
	}

	private static String digest(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
