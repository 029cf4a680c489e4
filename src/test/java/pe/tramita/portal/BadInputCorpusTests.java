package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.certificate.CertificateView;
import pe.tramita.certificate.Certificates;
import pe.tramita.modeling.ModelDrafts;
import pe.tramita.modeling.ModelRulesFixtures;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.Applications;
import pe.tramita.support.HttpVisitor;
import pe.tramita.support.HttpVisitor.Multipart;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The bad-input corpus, over real HTTP against the running application: broken query strings, every public form
 * field with what people and tools really send (NUL bytes, invisible names, impossible dates, mail domains that
 * cannot receive mail, numbers that are not numbers), uploads that are not what they say, bodies of the wrong kind,
 * broken multipart, staff forms, model uploads and the REST deployment. Every one is answered without a 500 and
 * without a stack trace, with its reason in Spanish; nothing is stored.
 * <p>
 * Citizens' forms, uploads, lookups and the REST API answer 4xx with the page or JSON that says why; staff forms
 * answer the way the staff pages always do — back to the form (a redirect) with the reason and what was typed — and
 * the corpus follows that redirect and reads the reason there.
 */
@TramitaTest
class BadInputCorpusTests {

	private static final String LICENCE = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	private static final String COMPLAINT = "/m/060101/tramites/queja-reclamo/solicitud";

	private static final String UPLOAD = "documento-declaracion-itse";

	private static final List<String> TABLES = List.of("tramita.expediente", "tramita.document", "tramita.case_event",
			"tramita.model_draft", "tramita.certificate", "tramita.saved_filter", "tramita.non_working_day",
			"tramita.national_holiday", "tramita.staff_action", "tramita.tupa_entry", "tramita.certificate_signatory",
					"act_re_deployment",
			"act_hi_procinst");

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	Applications applications;

	@Autowired
	TaskService taskService;

	@Autowired
	Certificates certificates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ModelDrafts drafts;

	HttpVisitor citizen;

	HttpVisitor clerk;

	HttpVisitor admin;

	HttpVisitor manager;

	HttpVisitor advisor;

	String advisorId;

	String taskId;

	String certificateCode;

	long draftId;

	@BeforeEach
	void visitors() {
		String clerkId = staff.create("t.corpus.mesa", "mesa-de-partes", Staff.CAJAMARCA);
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
		taskService.claim(task.getId(), clerkId);
		taskId = task.getId();
		certificateCode = issuedCertificate().verificationCode();
		citizen = new HttpVisitor(port);
		clerk = HttpVisitor.loggedIn(port, clerkId, Staff.PASSWORD);
		admin = HttpVisitor.loggedIn(port, staff.create("t.corpus.admin", Offices.ADMIN, Staff.CAJAMARCA),
				Staff.PASSWORD);
		manager = HttpVisitor.loggedIn(port, staff.create("t.corpus.gerencia", Offices.GERENCIA, Staff.CAJAMARCA),
				Staff.PASSWORD);
		advisorId = staff.create("t.corpus.asesor", Offices.ASESOR, Staff.CAJAMARCA);
		advisor = HttpVisitor.loggedIn(port, advisorId, Staff.PASSWORD);
		draftId = drafts.upload("licencia-funcionamiento", "borrador.bpmn",
				ModelRulesFixtures.valid().getBytes(StandardCharsets.UTF_8),
						(StaffUser) staff.loginAs(advisorId).getPrincipal());
	}

	/** How a refusal comes back. */
	enum Answer {
		/** 4xx, with the page (or JSON) that says why. */
		REFUSED,
		/** a staff form: back to the form (a redirect), where the reason is shown with what was typed. */
		BACK_TO_THE_FORM,
		/** junk in a query string the page does not read: the page itself (200), or 4xx — never a 500. */
		PAGE_OR_REFUSED
	}

	/** One bad input: who sends it and how, how the refusal comes back, and the words that say why. */
	record Input(String name, HttpVisitor who, Supplier<HttpResponse<String>> send, Answer answer, String because) {

		Input(String name, HttpVisitor who, Supplier<HttpResponse<String>> send, String because) {
			this(name, who, send, Answer.REFUSED, because);
		}

	}

	@Test
	void everyBadInputIsRefusedClearlyAndNothingIsStored() {
		List<Input> corpus = new ArrayList<>();
		queryStrings(corpus);
		licenceForm(corpus);
		uploadsAndBodies(corpus);
		modelForm(corpus);
		lookupAndVerification(corpus);
		staffForms(corpus);
		models(corpus);
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
		System.out.println("Bad-input corpus: " + corpus.size() + " inputs");

		Map<String, Long> before = counts();
		SoftAssertions softly = new SoftAssertions();
		for (Input input : corpus) {
			HttpResponse<String> answer = input.send().get();
			String page = answer.body();
			int status = answer.statusCode();
			switch (input.answer()) {
				case REFUSED -> softly.assertThat(status).as("%s: status (%s)", input.name(), abbreviated(page))
					.isBetween(400, 499);
				case PAGE_OR_REFUSED -> softly.assertThat(status).as("%s: status (%s)", input.name(),
						abbreviated(page))
					.matches(code -> code == 200 || code >= 400 && code < 500, "200 or 4xx");
				case BACK_TO_THE_FORM -> {
					softly.assertThat(status).as("%s: status (%s)", input.name(), abbreviated(page)).isEqualTo(302);
					URI location = URI.create(answer.headers().firstValue("Location").orElse("/"));
					softly.assertThat(location.getHost()).as("%s: a path of ours", input.name()).isNull();
					page = input.who().get(location.getRawPath() + (location.getRawQuery() == null ? ""
							: "?" + location.getRawQuery())).body();
				}
			}
			softly.assertThat(page).as("%s: the reason", input.name()).contains(input.because());
			softly.assertThat(page).as("%s: no stack trace", input.name())
				.doesNotContain("\tat ", "at org.", "at pe.tramita", "Whitelabel", "NullPointer", "SQLException");
		}
		softly.assertThat(counts()).as("nothing stored").isEqualTo(before);
		softly.assertAll();
	}

	private void queryStrings(List<Input> corpus) {
		for (String[] query : new String[][] { { "/?lang=en&q=a=b", "Procedures" }, { "/?%", "Trámites" },
				{ "/?a=%zz&b=%", "Trámites" }, { "/?=&&=lang", "Trámites" }, { "/m/060101?lang=%E0%A4%A",
						"Procedimientos que puede iniciar" },
				{ "/m/060101/tupa?x=%00", "caracteres de control" },
						{ "/consulta?lang=%3Cscript%3Ealert(1)%3C/script%3E", "Consulte" } }) {
			corpus.add(new Input("query " + query[0], citizen, () -> citizen.getRaw(query[0]), Answer.PAGE_OR_REFUSED,
					query[1]));
		}
		corpus.add(new Input("verification code with CRLF", null,
				() -> citizen.get("/verificar?codigo=AB%0D%0ASet-Cookie:%20x=1"), "No existe ningún certificado"));
		corpus.add(new Input("verification code NUL", null,
				() -> citizen.get("/verificar?codigo=%00"), "No se pudo atender"));
		corpus.add(new Input("verification code 5000 chars", null,
				() -> citizen.get("/verificar?codigo=" + "A".repeat(5000)), "No existe ningún certificado"));
		corpus.add(new Input("verification path with CRLF", null,
				() -> citizen.get("/verificar/AB%0D%0ASet-Cookie:%20x=1"), "No pudimos leer"));
		corpus.add(new Input("unknown municipality", null, () -> citizen.get("/m/999999"), "no existe"));
		corpus.add(new Input("unknown procedure", null,
				() -> citizen.get("/m/060101/tramites/no-existe/solicitud"), "no existe"));
		corpus.add(new Input("municipality NUL", null, () -> citizen.get("/m/%00/tramites"), "No pudimos leer"));
		corpus.add(new Input("transparency of nobody", null, () -> citizen.get("/transparencia/abc"), "no existe"));
		for (String[] query : new String[][] { { "/bandeja?pagina=-1", "Bandeja de tareas" },
				{ "/bandeja?pagina=99999999999999999999", "Bandeja de tareas" }, { "/bandeja?vista=%3Cscript%3E",
						"Bandeja" },
				{ "/bandeja?orden=1;DROP%20TABLE", "Bandeja" }, { "/bandeja/analitica?desde=31/02/2026", "fecha" },
				{ "/bandeja/analitica?version=abc", "Tiempos" }, { "/bandeja/analitica?municipio=%27",
						"Tiempos" } }) {
			corpus.add(new Input("staff query " + query[0], clerk,
					() -> clerk.get(query[0]), Answer.PAGE_OR_REFUSED, query[1]));
		}
		corpus.add(new Input("search with NUL", null, () -> clerk.get("/bandeja?buscar=%00"),
				"caracteres de control"));
		corpus.add(new Input("case id not a number", null,
				() -> clerk.get("/bandeja/expedientes/abc"), "No pudimos leer"));
		corpus.add(new Input("case id out of range", null,
				() -> clerk.get("/bandeja/expedientes/99999999999999999999"), "No pudimos leer"));
		corpus.add(new Input("case that does not exist", null,
				() -> clerk.get("/bandeja/expedientes/999999999"), "no existe"));
		corpus.add(new Input("diagram of no procedure", null,
				() -> clerk.get("/bandeja/analitica/diagrama.bpmn?tramite=x"), "no existe"));
		corpus.add(new Input("export of no table", null, () -> clerk.get("/bandeja/analitica/nada.csv"),
				"no existe"));
	}

	private void licenceForm(List<Input> corpus) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("name NUL", new String[] { "applicantName", "Juana\u0000Quispe", "caracteres de control" });
		fields.put("name of blanks", new String[] { "applicantName", "   \t  ", "es obligatorio" });
		fields.put("name of zero-width spaces", new String[] { "applicantName", "\u200B\u200B\u200B", "visibles" });
		fields.put("name reversed by an override", new String[] { "applicantName", "\u202Eanaul", "visibles" });
		fields.put("name of joiners", new String[] { "applicantName", "\u2060\uFEFF", "visibles" });
		fields.put("name of emoji", new String[] { "applicantName", "\uD83D\uDE00\uD83D\uDE00", "visibles" });
		fields.put("name 10,000 long", new String[] { "applicantName", "J".repeat(10_000), "demasiado largo" });
		fields.put("mail without a dot", new String[] { "email", "juana@municipio", "después de la @" });
		fields.put("mail to localhost", new String[] { "email", "juana@localhost", "después de la @" });
		fields.put("mail to example.com", new String[] { "email", "juana@example.com", "después de la @" });
		fields.put("mail to .invalid", new String[] { "email", "juana@correo.invalid", "después de la @" });
		fields.put("mail to .test", new String[] { "email", "juana@correo.test", "después de la @" });
		fields.put("mail to an IP", new String[] { "email", "juana@[127.0.0.1]", "correo" });
		fields.put("mail with two @", new String[] { "email", "juana@@correo.pe",
				"no es un correo electrónico válido" });
		fields.put("mail with a header", new String[] { "email", "juana@correo.pe\r\nBcc: otro@correo.pe",
				"correo" });
		fields.put("area 1e400", new String[] { "areaM2", "1e400", "entre 1 y 100000" });
		fields.put("area NaN", new String[] { "areaM2", "NaN", "debe ser un número" });
		fields.put("area Infinity", new String[] { "areaM2", "Infinity", "debe ser un número" });
		fields.put("area -0", new String[] { "areaM2", "-0", "entre 1 y 100000" });
		fields.put("area with a comma", new String[] { "areaM2", "1,5", "debe ser un número" });
		fields.put("area in hex", new String[] { "areaM2", "0x10", "debe ser un número" });
		fields.put("DNI of letters", new String[] { "documentNumber", "ABCDEFGH", "el DNI tiene 8 dígitos" });
		fields.put("DNI with NUL", new String[] { "documentNumber", "1234567\u0000", "caracteres de control" });
		fields.put("unknown document type", new String[] { "documentType", "XX", "no es válido" });
		fields.put("unknown risk", new String[] { "riskLevel", "EXTREMO", "no es válido" });
		fields.put("oath neither yes nor no", new String[] { "declarationAccepted", "quizás", "no es válido" });
		fields.put("RUC with a letter", new String[] { "ruc", "2013131295X", "no es un RUC válido" });
		fields.put("phone of 20 digits", new String[] { "phone", "+51 999 999 999 999 999", "de 6 a 15" });
		fields.put("address with a bell", new String[] { "address", "Jr. Lima\u0007 123", "caracteres de control" });
		fields.put("activity of a word joiner", new String[] { "activity", "\u2060", "visibles" });
		for (Map.Entry<String, String[]> field : fields.entrySet()) {
			String[] change = field.getValue();
			corpus.add(new Input("licence form: " + field.getKey(), null, () -> licence(Map.of(change[0], change[1]),
					SampleFiles.pdf(), "dj.pdf"), change[2]));
		}
	}

	private void uploadsAndBodies(List<Input> corpus) {
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
		byte[] big = new byte[6 * 1024 * 1024];
		System.arraycopy(SampleFiles.pdf(), 0, big, 0, 10);
		corpus.add(new Input("upload of nothing", null, () -> licence(Map.of(), new byte[0], "dj.pdf"),
				"está vacío"));
		corpus.add(new Input("executable named pdf", null,
				() -> licence(Map.of(), SampleFiles.exe(), "dj.pdf"), "no es un PDF, JPG ni PNG"));
		corpus.add(new Input("pdf named png", null,
				() -> licence(Map.of(), SampleFiles.pdf(), "dj.png"), "no corresponde a su contenido"));
		corpus.add(new Input("html named pdf", null,
				() -> licence(Map.of(), html, "dj.pdf"), "no es un PDF, JPG ni PNG"));
		corpus.add(new Input("svg named png", null,
				() -> licence(Map.of(), svg, "dj.png"), "no es un PDF, JPG ni PNG"));
		corpus.add(new Input("6 MB", null, () -> licence(Map.of(), big, "dj.pdf"), "pesa más de 5 MB"));
		corpus.add(new Input("no document", null,
				() -> licence(Map.of(), null, null), "Falta el documento obligatorio"));
		corpus.add(new Input("form as urlencoded", null,
				() -> citizenPosts(LICENCE, "application/x-www-form-urlencoded", "applicantName=Juana"),
				"desde su formulario"));
		corpus.add(new Input("form as JSON", null,
				() -> citizenPosts(LICENCE, "application/json", "{\"applicantName\":\"Juana\"}"),
				"desde su formulario"));
		corpus.add(new Input("form as text", null,
				() -> citizenPosts(LICENCE, "text/plain", "applicantName=Juana"), "desde su formulario"));
		corpus.add(new Input("multipart without boundary", null,
				() -> citizenPosts(LICENCE, "multipart/form-data", "x"), "No pudimos leer"));
		String cutShort = "--abc\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(citizen, LICENCE)
				+ "\r\n--abc\r\nContent-Disposition: form-data; name=\"documento-declaracion-itse\"; "
				+ "filename=\"a.pdf\"\r\n\r\n%PDF-1.4";
		corpus.add(new Input("multipart cut short", null,
				() -> citizenPosts(LICENCE, "multipart/form-data; boundary=abc", cutShort), "No pudimos leer"));
		corpus.add(new Input("multipart with another boundary", null, () -> citizenPosts(LICENCE,
				"multipart/form-data; boundary=abc", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n"),
				"Revise los datos marcados"));
		corpus.add(new Input("GET on a form's action", null,
				() -> citizen.get("/consulta/subsanacion"), "no atiende ese tipo de pedido"));
		corpus.add(new Input("PUT on the lookup", null, () -> citizen.send(citizen.request("/consulta")
			.PUT(HttpRequest.BodyPublishers.ofString("x"))), "venció o se abrió desde otro sitio"));
		corpus.add(new Input("form without its token", null, () -> citizen.postRaw("/consulta",
				"application/x-www-form-urlencoded", "expediente=1&codigo=2".getBytes(StandardCharsets.UTF_8)),
				"venció o se abrió desde otro sitio"));
	}

	private void modelForm(List<Input> corpus) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("facts NUL", new String[] { "hechos", "No pasa\u0000el camión", "caracteres de control" });
		fields.put("facts of zero-width spaces", new String[] { "hechos",
				"\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B", "visibles" });
		fields.put("place 10,000 long", new String[] { "lugar", "x".repeat(10_000), "como máximo" });
		fields.put("service that is not offered", new String[] { "servicio", "OTRO-SERVICIO",
				"Elija una de las opciones" });
		fields.put("date that does not exist", new String[] { "fechaHechos", "31/02/2026", "fecha que exista" });
		fields.put("date the wrong way round", new String[] { "fechaHechos", "2026-11-20", "fecha que exista" });
		fields.put("date of month 13", new String[] { "fechaHechos", "01/13/2026", "fecha que exista" });
		fields.put("missing request", new String[] { "pedido", "", "es obligatorio" });
		for (Map.Entry<String, String[]> field : fields.entrySet()) {
			String[] change = field.getValue();
			corpus.add(new Input("complaint form: " + field.getKey(), null,
					() -> complaint(Map.of(change[0], change[1])), change[2]));
		}
		corpus.add(new Input("complaint: applicant of blanks", null,
				() -> complaint(Map.of("applicantName", "\u200B")), "visibles"));
		corpus.add(new Input("complaint: mail to localhost", null,
				() -> complaint(Map.of("email", "vecino@localhost")), "después de la @"));
	}

	private void lookupAndVerification(List<Input> corpus) {
		for (String[] lookup : new String[][] { { "060101-2026-000001\r\nX: y", "ABCD-EFGH-JKLM" },
				{ "060101-2026-000001", "A".repeat(10_000) }, { "", "" }, { "' OR 1=1 --", "' OR 1=1 --" },
				{ "060101-2026-000001", "\u200B" } }) {
			corpus.add(new Input("lookup " + lookup[0].replace("\r\n", "\\r\\n"), null,
					() -> citizen.postForm("/consulta",
					Map.of("expediente", lookup[0], "codigo", lookup[1])), "No encontramos un expediente"));
		}
		corpus.add(new Input("lookup with NUL", null,
				() -> citizen.postForm("/consulta", Map.of("expediente", "0601\u0000",
				"codigo", "x")), "caracteres de control"));
		corpus.add(new Input("correction with a wrong code", null,
				() -> citizen.postMultipart("/consulta/subsanacion",
				new Multipart().field("expediente", "060101-2026-000001").field("codigo", "AAAA-BBBB-CCCC")
					.file("documentos", "dj.pdf", "application/pdf", SampleFiles.pdf())), "No encontramos"));
		corpus.add(new Input("file check of a text", null, () -> citizen.postMultipart("/verificar/archivo",
				new Multipart().file("archivo", "nota.pdf", "application/pdf",
						"hola".getBytes(StandardCharsets.UTF_8))), "no es un PDF, JPG ni PNG"));
		corpus.add(new Input("file check of an image", null, () -> citizen.postMultipart("/verificar/archivo",
				new Multipart().file("archivo", "foto.png", "image/png", SampleFiles.pngWithTransparency())),
						"no es un PDF"));
		corpus.add(new Input("file check of nothing", null, () -> citizen.postMultipart("/verificar/archivo",
				new Multipart().file("archivo", "vacio.pdf", "application/pdf", new byte[0])), "está vacío"));
		corpus.add(new Input("file check as urlencoded", null,
				() -> citizen.postForm("/verificar/archivo", Map.of("archivo", "x")), "está vacío"));
		corpus.add(new Input("login with NUL", citizen,
				() -> citizen.postForm("/ingresar", Map.of("username", "mesa\u0000",
				"password", "x")), Answer.BACK_TO_THE_FORM, "Usuario o contraseña incorrectos"));
		corpus.add(new Input("login of 10,000 characters", citizen, () -> citizen.postForm("/ingresar",
				Map.of("username", "m".repeat(10_000), "password", "x".repeat(10_000))), Answer.BACK_TO_THE_FORM,
						"Usuario o contraseña incorrectos"));
	}

	private void staffForms(List<Input> corpus) {
		String task = "/bandeja/tareas/" + taskId;
		corpus.add(new Input("step answer neither yes nor no", null, () -> clerkPosts(task + "/completar",
				Map.of("requisitosCompletos", "quizás")), "Elija Sí o No"));
		corpus.add(new Input("step observation NUL", null, () -> clerkPosts(task + "/completar",
				Map.of("requisitosCompletos", "false", "observacion", "Falta\u0000")), "caracteres de control"));
		corpus.add(new Input("step observation invisible", null, () -> clerkPosts(task + "/completar",
				Map.of("requisitosCompletos", "false", "observacion", "\u200B\u200B")), "visibles"));
		corpus.add(new Input("follow-up on 31/02", clerk,
				() -> clerkPosts(task + "/seguimiento", Map.of("fecha", "31/02/2026")),
				Answer.BACK_TO_THE_FORM, "fecha"));
		corpus.add(new Input("follow-up not a date", clerk,
				() -> clerkPosts(task + "/seguimiento", Map.of("fecha", "mañana")), Answer.BACK_TO_THE_FORM,
						"fecha"));
		corpus.add(new Input("comment NUL", null,
				() -> clerkPosts(task + "/comentar", Map.of("comentario", "a\u0000b")), "caracteres de control"));
		corpus.add(new Input("comment too long", clerk,
				() -> clerkPosts(task + "/comentar", Map.of("comentario", "x".repeat(3000))),
				Answer.BACK_TO_THE_FORM, "2000"));
		corpus.add(new Input("comment invisible", clerk,
				() -> clerkPosts(task + "/comentar", Map.of("comentario", "\u200B\u202E")),
				Answer.BACK_TO_THE_FORM, "Escriba el comentario"));
		corpus.add(new Input("attachment executable", clerk, () -> clerk.postMultipart(task + "/adjuntar",
				new Multipart().file("archivo", "informe.pdf", "application/pdf", SampleFiles.exe())),
						Answer.BACK_TO_THE_FORM, "no es un PDF, JPG ni PNG"));
		corpus.add(new Input("assign to another municipality", clerk, () -> clerkPosts(task + "/asignar",
				Map.of("colega", "mesa.banos")), Answer.BACK_TO_THE_FORM, "colega"));
		corpus.add(new Input("delegate to nobody", clerk,
				() -> clerkPosts(task + "/delegar", Map.of("colega", "nadie\u200B")),
				Answer.BACK_TO_THE_FORM, "colega"));
		corpus.add(new Input("saved filter named NUL", null,
				() -> clerkPosts("/bandeja/filtros", Map.of("nombre", "a\u0000")), "caracteres de control"));
		corpus.add(new Input("saved filter named invisibly", clerk, () -> clerkPosts("/bandeja/filtros",
				Map.of("nombre", "\u200B\u200B")), Answer.BACK_TO_THE_FORM, "nombre"));
		corpus.add(new Input("non-working day 31/02", admin,
				() -> post(admin, "/bandeja/calendario", "/bandeja/calendario/dias",
				Map.of("dia", "2026-02-31", "nombre", "Día que no existe")), Answer.BACK_TO_THE_FORM, "fecha"));
		corpus.add(new Input("non-working day of no municipality", admin, () -> post(admin, "/bandeja/calendario",
				"/bandeja/calendario/dias", Map.of("dia", "2026-03-02", "ubigeo", "999999", "nombre", "Fiesta")),
						Answer.BACK_TO_THE_FORM, "municipalidad"));
		corpus.add(new Input("non-working day named invisibly", admin, () -> post(admin, "/bandeja/calendario",
				"/bandeja/calendario/dias", Map.of("dia", "2026-03-03", "nombre", "\u200B")), Answer.BACK_TO_THE_FORM,
						"nombre"));
		corpus.add(new Input("holiday on 31-02", admin,
				() -> post(admin, "/bandeja/calendario", "/bandeja/calendario/feriados",
				Map.of("fecha", "31-02", "nombre", "Feriado imposible")), Answer.BACK_TO_THE_FORM, "fecha"));
		corpus.add(new Input("holiday named NUL", null,
				() -> post(admin, "/bandeja/calendario", "/bandeja/calendario/feriados",
				Map.of("fecha", "03-04", "nombre", "x\u0000")), "caracteres de control"));
		corpus.add(new Input("TUPA term not a number", manager, () -> post(manager, "/bandeja/tupa/060101",
				"/bandeja/tupa/060101/licencia-funcionamiento", Map.of("plazo", "quince", "derecho", "10", "norma",
						"O.M. 1")), Answer.BACK_TO_THE_FORM, "días hábiles"));
		corpus.add(new Input("TUPA fee negative", manager, () -> post(manager, "/bandeja/tupa/060101",
				"/bandeja/tupa/060101/licencia-funcionamiento", Map.of("plazo", "15", "derecho", "-5", "norma",
						"O.M. 1")), Answer.BACK_TO_THE_FORM, "derecho"));
		corpus.add(new Input("TUPA fee NaN", manager, () -> post(manager, "/bandeja/tupa/060101",
				"/bandeja/tupa/060101/licencia-funcionamiento", Map.of("plazo", "15", "derecho", "NaN", "norma",
						"O.M. 1")), Answer.BACK_TO_THE_FORM, "derecho"));
		corpus.add(new Input("TUPA norm invisible", manager, () -> post(manager, "/bandeja/tupa/060101",
				"/bandeja/tupa/060101/licencia-funcionamiento", Map.of("plazo", "15", "derecho", "10", "norma",
						"\u200B")), Answer.BACK_TO_THE_FORM, "norma"));
		corpus.add(new Input("revocation without a reason", manager, () -> post(manager, "/bandeja/certificados",
				"/bandeja/certificados/" + certificateCode + "/revocar", Map.of("motivo", "   ", "confirmo", "true")),
						Answer.BACK_TO_THE_FORM, "motivo"));
		corpus.add(new Input("revocation with an invisible reason", manager,
				() -> post(manager, "/bandeja/certificados",
				"/bandeja/certificados/" + certificateCode + "/revocar", Map.of("motivo", "\u200B\u200B", "confirmo", "true")),
						Answer.BACK_TO_THE_FORM, "motivo"));
		corpus.add(new Input("signatory named invisibly", manager,
				() -> manager.postMultipart("/bandeja/certificados/firma/060101",
				new Multipart().field("nombre", "\u202E").field("cargo", "Alcalde")), Answer.BACK_TO_THE_FORM,
						"nombre"));
		corpus.add(new Input("coat of arms that is a program", manager, () -> manager.postMultipart(
				"/bandeja/certificados/firma/060101", new Multipart().field("nombre", "Ana Ruiz").field("cargo",
						"Alcaldesa")
					.file("escudo", "escudo.png", "image/png", SampleFiles.exe())), Answer.BACK_TO_THE_FORM, "PNG"));
	}

	private void models(List<Input> corpus) {
		String deep = ModelRulesFixtures.valid().replace("<camunda:formData>", "<camunda:inputOutput>"
				+ "<camunda:inputParameter name=\"x\">" + "<camunda:list>".repeat(5000) + "</camunda:list>".repeat(5000)
				+ "</camunda:inputParameter></camunda:inputOutput><camunda:formData>");
		corpus.add(new Input("model upload empty", advisor,
				() -> advisorUploads(new byte[0], "m.bpmn"), Answer.BACK_TO_THE_FORM, "con contenido"));
		corpus.add(new Input("model upload that is a PDF", advisor,
				() -> advisorUploads(SampleFiles.pdf(), "m.bpmn"),
				Answer.BACK_TO_THE_FORM, "no es un texto XML legible"));
		corpus.add(new Input("model upload with NUL", advisor,
				() -> advisorUploads(ModelRulesFixtures.valid().replace("Otorgada",
				"Otor\u0000gada").getBytes(StandardCharsets.UTF_8), "m.bpmn"), Answer.BACK_TO_THE_FORM,
						"no es un texto XML legible"));
		corpus.add(new Input("model upload with bytes foreign to its encoding", advisor, () -> advisorUploads(
				ModelRulesFixtures.valid().replace("Otorgada",
						"Otorgada \u00E9").getBytes(StandardCharsets.ISO_8859_1),
				"m.bpmn"), Answer.BACK_TO_THE_FORM, "no es un texto XML legible"));
		corpus.add(new Input("model upload for no procedure", advisor,
				() -> advisor.postMultipart("/asesoria/borradores",
				new Multipart().field("tramite", "no-existe").file("archivo", "m.bpmn", "application/octet-stream",
						ModelRulesFixtures.valid().getBytes(StandardCharsets.UTF_8))), Answer.BACK_TO_THE_FORM,
								"Elija un trámite"));
		corpus.add(new Input("model saved with NUL", null,
				() -> advisor.postRaw("/asesoria/borradores/" + draftId, "application/xml",
				"<a>\u0000</a>".getBytes(StandardCharsets.UTF_8), "X-CSRF-TOKEN", csrfOf(advisor, "/asesoria")),
						"no es un texto XML legible"));
		corpus.add(new Input("model saved as JSON", null,
				() -> advisor.postRaw("/asesoria/borradores/" + draftId, "application/json",
				"{}".getBytes(StandardCharsets.UTF_8), "X-CSRF-TOKEN", csrfOf(advisor, "/asesoria")),
						"desde su formulario"));
		corpus.add(new Input("comparison of nothing", advisor,
				() -> advisor.get("/asesoria/comparar?de=x&a=y"), Answer.BACK_TO_THE_FORM, "versión"));
		for (Object[] model : new Object[][] { { "REST model with NUL", "licencia.bpmn",
				ModelRulesFixtures.valid().replace("Otorgada", "Otor\u0000gada").getBytes(StandardCharsets.UTF_8),
						"XML" },
				{ "REST model nested 5000 deep", "licencia.bpmn", deep.getBytes(StandardCharsets.UTF_8), "niveles" },
				{ "REST model that is not XML", "licencia.bpmn", "hola".getBytes(StandardCharsets.UTF_8), "XML" },
				{ "REST model empty", "licencia.bpmn", new byte[0], "XML" },
				{ "REST model named xbpmn", "licencia.xbpmn",
						ModelRulesFixtures.valid().getBytes(StandardCharsets.UTF_8),
						"no es un modelo .bpmn" },
				{ "REST model with a DOCTYPE", "licencia.bpmn", ModelRulesFixtures.valid().replaceFirst("\\?>",
						"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>").getBytes(StandardCharsets.UTF_8), "DOCTYPE" } }) {
			corpus.add(new Input((String) model[0], null,
					() -> restDeploy((String) model[1], (byte[]) model[2]), (String) model[3]));
		}
	}

	private HttpResponse<String> licence(Map<String, String> changes, byte[] file, String fileName) {
		Map<String, String> fields = new LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		fields.putAll(changes);
		Multipart form = new Multipart().field("_csrf", csrfOf(citizen, LICENCE)).fields(fields);
		if (file != null) {
			form.file(UPLOAD, fileName, "application/pdf", file);
		}
		return citizen.postMultipart(LICENCE, form);
	}

	private HttpResponse<String> complaint(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>(Applications.complaintFields());
		fields.putAll(Map.of("documentType", "DNI", "documentNumber", "45678912", "applicantName", "Vecino Quispe",
				"email", "vecino@correo.pe", "declarationAccepted", "true", "formularioDelModelo", "si"));
		fields.putAll(changes);
		return citizen.postMultipart(COMPLAINT, new Multipart().field("_csrf", csrfOf(citizen,
				COMPLAINT)).fields(fields));
	}

	private HttpResponse<String> citizenPosts(String path, String type, String body) {
		return citizen.postRaw(path, type, body.getBytes(StandardCharsets.UTF_8), "X-CSRF-TOKEN", csrfOf(citizen, path));
	}

	private HttpResponse<String> clerkPosts(String path, Map<String, String> fields) {
		clerk.get("/bandeja/tareas/" + taskId);
		return clerk.postForm(path, fields);
	}

	private static HttpResponse<String> post(HttpVisitor who, String page, String path, Map<String, String> fields) {
		who.get(page);
		return who.postForm(path, fields);
	}

	private HttpResponse<String> advisorUploads(byte[] file, String name) {
		advisor.get("/asesoria");
		return advisor.postMultipart("/asesoria/borradores", new Multipart().field("tramite",
				"licencia-funcionamiento")
			.file("archivo", name, "application/octet-stream", file));
	}

	private HttpResponse<String> restDeploy(String name, byte[] model) {
		Multipart form = new Multipart().field("deployment-name", "corpus").field("tenant-id", Staff.CAJAMARCA)
			.file(name, name, "application/octet-stream", model);
		return citizen.postRaw("/engine-rest/deployment/create", form.contentType(), form.bytes(), "Authorization",
				HttpVisitor.basic(advisorId, Staff.PASSWORD));
	}

	/** The CSRF token of a page, as the page's own form would carry it. */
	private static String csrfOf(HttpVisitor visitor, String page) {
		visitor.get(page.startsWith("/m/") || page.startsWith("/asesoria") ? page : "/consulta");
		return visitor.csrf();
	}

	/** A licence approved through its three steps, with its certificate issued. */
	private CertificateView issuedCertificate() {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		for (Map<String, Object> step : List.<Map<String, Object>>of(Map.of("requisitosCompletos", true),
				Map.of("nivelRiesgo", "BAJO"), Map.of("aprobado", true, "fundamento", "Cumple los requisitos."))) {
			Task open = taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber()).singleResult();
			taskService.complete(open.getId(), step);
		}
		return certificates.findForCase(applications.caseId(filing)).orElseThrow();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		return counts;
	}

	private static String abbreviated(String page) {
		String text = page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
