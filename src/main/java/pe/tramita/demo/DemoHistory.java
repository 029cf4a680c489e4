package pe.tramita.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.document.Documents;
import pe.tramita.document.FileKind;
import pe.tramita.document.UploadedFile;
import pe.tramita.request.ApplicantForm;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.IdentityDocumentType;

/**
 * A year of cases in one municipality, worked through the engine with its clock set to each step's moment: filed on
 * business days during office hours, reviewed (some observed and corrected), classified, inspected, decided, and
 * complaints routed and answered, each after a number of business days scaled by the municipality's {@code pace}. A
 * step whose moment has not come yet is left waiting, so the last weeks leave open cases in every step; a slow pace
 * leaves complaints overdue. Licences are decided within their legal term: the engine's positive-silence timer would
 * otherwise fire while the clock moves. The same seed makes the same history.
 */
class DemoHistory {

	/** Moves "now" for the application and the engine together. */
	interface TimeMachine {

		void travelTo(Instant moment);

		void backToNow();

	}

	private static final String[] BUSINESSES = { "Bodega", "Librería", "Restaurante", "Hostal", "Farmacia",
			"Panadería", "Ferretería", "Cevichería", "Peluquería", "Taller", "Minimarket", "Botica" };

	private static final String[] NAMES = { "Apolonia", "El Cumbe", "Los Andes", "San Pedro", "La Recoleta",
			"Santa Elena", "El Inca", "Qhapaq Ñan", "La Colpa", "Chontapaccha", "Mollepampa", "Cumbemayo" };

	private static final String[] RISKS = { "BAJO", "BAJO", "BAJO", "MEDIO", "MEDIO", "ALTO", "MUY_ALTO" };

	private final TimeMachine time;

	private final Expedientes expedientes;

	private final TaskService taskService;

	private final BusinessCalendar calendar;

	private final Procedure licence;

	private final Procedure complaint;

	private final DemoCashier cashier;

	DemoHistory(TimeMachine time, Expedientes expedientes, TaskService taskService, BusinessCalendar calendar,
			ProcedureCatalog catalog, DemoCashier cashier) {
		this.cashier = cashier;
		this.time = time;
		this.expedientes = expedientes;
		this.taskService = taskService;
		this.calendar = calendar;
		this.licence = catalog.get("licencia-funcionamiento");
		this.complaint = catalog.get("queja-reclamo");
	}

	/**
	 * Works {@code weeks} weeks up to {@code now} in the municipality whose clerks' ids end in {@code clerks} (mesa.,
	 * licencias., itse., gerente., servicios.), with {@code licencesPerWeek} on average and a complaint every third
	 * week; {@code pace} multiplies every step's business days. Returns the cases filed, in order.
	 */
	List<Filing> work(String ubigeo, String clerks, double licencesPerWeek, double pace, int weeks, Instant now,
			long seed) {
		return work(ubigeo, clerks, licencesPerWeek, pace, weeks, now, seed, null, null);
	}

	/**
	 * The same, with a redesign of the municipality's procedures at {@code redesignAt}: {@code redesign} runs then,
	 * with the clock at that moment (a new model version deployed, say); the cases filed after it run on it.
	 */
	List<Filing> work(String ubigeo, String clerks, double licencesPerWeek, double pace, int weeks, Instant now,
			long seed, Instant redesignAt, Runnable redesign) {
		Random random = new Random(seed);
		boolean redesigned = redesign == null;
		List<Filing> filed = new ArrayList<>();
		LocalDate monday = now.atZone(TramitaApplication.LIMA).toLocalDate().minusWeeks(weeks).with(DayOfWeek.MONDAY);
		try {
			for (int week = 0; week < weeks; week++, monday = monday.plusWeeks(1)) {
				if (!redesigned && !monday.atStartOfDay(TramitaApplication.LIMA).toInstant().isBefore(redesignAt)) {
					time.travelTo(redesignAt);
					redesign.run();
					redesigned = true;
				}
				int licences = (int) (licencesPerWeek + random.nextDouble());
				for (int i = 0; i < licences; i++) {
					Case c = new Case(ubigeo, clerks, pace, now, random, filingMoment(monday, random, ubigeo));
					if (c.due(c.at)) {
						filed.add(c.licence());
					}
				}
				if (random.nextInt(3) == 0) {
					Case c = new Case(ubigeo, clerks, pace, now, random, filingMoment(monday, random, ubigeo));
					if (c.due(c.at)) {
						filed.add(c.complaint());
					}
				}
			}
		}
		finally {
			time.backToNow();
		}
		return filed;
	}

	/**
	 * Two cases the task views must show: a licence whose legal term ends today, waiting for its risk classification,
	 * and a complaint past its term, waiting for its answer.
	 */
	List<Filing> dueTodayAndOverdue(String ubigeo, String clerks, Instant now) {
		Random random = new Random(ubigeo.hashCode());
		LocalDate today = now.atZone(TramitaApplication.LIMA).toLocalDate();
		try {
			Case dueToday = new Case(ubigeo, clerks, 1, now, random, officeHour(startOfTerm(licence, today, 0, ubigeo), random));
			Filing licenceDueToday = dueToday.licenceWaitingForClassification();
			Case overdue = new Case(ubigeo, clerks, 1, now, random, officeHour(startOfTerm(complaint, today, 4, ubigeo), random));
			return List.of(licenceDueToday, overdue.complaintWaitingForAnswer());
		}
		finally {
			time.backToNow();
		}
	}

	/** The filing day whose term ended {@code daysAgo} business days before {@code today}. */
	private LocalDate startOfTerm(Procedure procedure, LocalDate today, int daysAgo, String ubigeo) {
		LocalDate day = today.minusDays(1);
		while (!calendar.isBusinessDay(day, ubigeo)
				|| calendar.businessDaysBetween(day, today, ubigeo) < procedure.termBusinessDays() + daysAgo) {
			day = day.minusDays(1);
		}
		return day;
	}

	private ZonedDateTime filingMoment(LocalDate monday, Random random, String ubigeo) {
		LocalDate day = monday.plusDays(random.nextInt(5));
		while (!calendar.isBusinessDay(day, ubigeo)) {
			day = day.plusDays(1);
		}
		return officeHour(day, random);
	}

	private static ZonedDateTime officeHour(LocalDate day, Random random) {
		return day.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(8 * 60))).atZone(TramitaApplication.LIMA);
	}

	/** One case's life: each step at its own moment, until the next one would be after now. */
	private final class Case {

		private final String ubigeo;

		private final String clerks;

		private final double pace;

		private final Instant now;

		private final Random random;

		private ZonedDateTime at;

		private String caseNumber;

		Case(String ubigeo, String clerks, double pace, Instant now, Random random, ZonedDateTime filedAt) {
			this.ubigeo = ubigeo;
			this.clerks = clerks;
			this.pace = pace;
			this.now = now;
			this.random = random;
			this.at = filedAt;
		}

		Filing licence() {
			String business = BUSINESSES[random.nextInt(BUSINESSES.length)] + " "
					+ NAMES[random.nextInt(NAMES.length)];
			String risk = RISKS[random.nextInt(RISKS.length)];
			Filing filing = file(licence, applicant("Rosa Chávez Quispe"), Map.of("ruc", "20131312955", "businessName",
					business + " S.A.C.", "tradeName", business, "address", "Jr. Amalia Puga " + (100 + random.nextInt(900)),
					"activity", "Comercio minorista", "areaM2", String.valueOf(20 + random.nextInt(180)), "riskLevel", risk),
					List.of(declaration()));
			caseNumber = filing.caseNumber();
			if (random.nextInt(5) == 0) {
				if (!step(0, 2, "reviewRequirements", "mesa", Map.of("requisitosCompletos", false, "observacion",
						"Falta la declaración jurada firmada."))) {
					return filing;
				}
				// the citizen answers the next business day, within the 2 the model gives, whatever the office's pace
				ZonedDateTime corrected = officeHour(calendar.addBusinessDays(at.toLocalDate(), 1, ubigeo), random);
				if (!due(corrected)) {
					return filing;
				}
				at = corrected;
				time.travelTo(at.toInstant());
				expedientes.correctObservations(caseNumber, filing.accessCode(), List.of(declaration()));
			}
			if (!step(0, 2, "reviewRequirements", "mesa", Map.of("requisitosCompletos", true))
					|| !classify(risk)) {
				return filing;
			}
			boolean inspected = risk.equals("ALTO") || risk.equals("MUY_ALTO");
			boolean favourable = random.nextInt(6) != 0;
			if (inspected && !step(2, 4, "inspectSafety", "itse", Map.of("itseFavorable", favourable, "informeItse",
					favourable ? "Cumple las condiciones de seguridad." : "Sin señalización de evacuación."))) {
				return filing;
			}
			boolean approved = favourable && random.nextInt(10) != 0;
			decideWithinTerm(Map.of("aprobado", approved, "fundamento", approved
					? "Cumple los requisitos del TUPA y las condiciones de seguridad."
					: "No cumple las condiciones de seguridad exigidas."));
			return filing;
		}

		Filing licenceWaitingForClassification() {
			Filing filing = file(licence, applicant("Rosa Chávez Quispe"), Map.of("ruc", "20131312955", "businessName",
					"Bodega La Esquina S.A.C.", "tradeName", "Bodega La Esquina", "address", "Jr. Del Comercio 456",
					"activity", "Comercio minorista", "areaM2", "36", "riskLevel", "BAJO"), List.of(declaration()));
			caseNumber = filing.caseNumber();
			step(1, 1, "reviewRequirements", "mesa", Map.of("requisitosCompletos", true));
			return filing;
		}

		Filing complaintWaitingForAnswer() {
			Filing filing = file(complaint, applicant("Miguel Cerna Vásquez"), Map.of("servicio", "PARQUES", "hechos",
					"El parque del barrio no tiene alumbrado desde hace un mes.", "lugar", "Barrio Mollepampa", "pedido",
					"Que se repare el alumbrado del parque."), List.of());
			caseNumber = filing.caseNumber();
			step(1, 1, "routeComplaint", "mesa", Map.of("oficinaResponsable", "servicios-publicos"));
			return filing;
		}

		/**
		 * Licencias classifies the risk a business day or two after the review; where a redesign gave the step to Mesa
		 * de Partes, the clerk who reviewed it does it the same day or the next.
		 */
		private boolean classify(String risk) {
			Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
				.taskDefinitionKey("classifyRisk").singleResult();
			boolean atReception = taskService.getIdentityLinksForTask(task.getId()).stream()
				.anyMatch(link -> "mesa-de-partes".equals(link.getGroupId()));
			return atReception ? step(0, 1, "classifyRisk", "mesa", Map.of("nivelRiesgo", risk))
					: step(1, 2, "classifyRisk", "licencias", Map.of("nivelRiesgo", risk));
		}

		Filing complaint() {
			Filing filing = file(complaint, applicant("Miguel Cerna Vásquez"), Map.of("servicio", "LIMPIEZA", "hechos",
					"El camión recolector no pasa por mi calle desde hace una semana.", "lugar", "Barrio San Martín",
					"pedido", "Que se restablezca el recojo de basura."), List.of());
			caseNumber = filing.caseNumber();
			if (step(0, 2, "routeComplaint", "mesa", Map.of("oficinaResponsable", "servicios-publicos"))) {
				step(5, 25, "answerComplaint", "servicios", Map.of("fundamento",
						"Se reprogramó la ruta del camión recolector; pasará lunes, miércoles y viernes.", "medidas",
						"Ruta reprogramada."));
			}
			return filing;
		}

		private Filing file(Procedure procedure, ApplicantForm applicant, Map<String, String> fields,
				List<UploadedFile> files) {
			time.travelTo(at.toInstant());
			Filing filing = expedientes.apply(ubigeo, procedure, applicant, fields, files).filing();
			cashier.pay(filing.caseNumber(), clerks);
			return filing;
		}

		private ApplicantForm applicant(String name) {
			return new ApplicantForm(IdentityDocumentType.DNI, "%08d".formatted(40000000 + random.nextInt(9999999)),
					name, "ciudadano@example.pe", "", true, true);
		}

		/** The step is done {@code min}–{@code max} business days (× pace) later, when that is not after now. */
		private boolean step(int min, int max, String step, String office, Map<String, Object> answers) {
			if (!after(min, max)) {
				return false;
			}
			complete(step, office, answers);
			return true;
		}

		private void decideWithinTerm(Map<String, Object> answers) {
			LocalDate due = expedientes.findByCaseNumber(caseNumber).orElseThrow().dueDate();
			ZonedDateTime planned = later(1, 4);
			ZonedDateTime lastChance = officeHour(due, random).withHour(10);
			ZonedDateTime decided = planned.isAfter(lastChance) ? lastChance : planned;
			if (decided.isBefore(at)) {
				decided = at.plusMinutes(30);
			}
			if (due(decided)) {
				at = decided;
				complete("decideLicence", "gerente", answers);
			}
		}

		private boolean after(int min, int max) {
			ZonedDateTime next = later(min, max);
			if (!due(next)) {
				return false;
			}
			at = next;
			return true;
		}

		private ZonedDateTime later(int min, int max) {
			int days = (int) Math.round((min + random.nextInt(max - min + 1)) * pace);
			LocalDate day = calendar.addBusinessDays(at.toLocalDate(), days, ubigeo);
			ZonedDateTime next = officeHour(day, random);
			return next.isAfter(at) ? next : at.plusMinutes(20 + random.nextInt(120));
		}

		private boolean due(ZonedDateTime moment) {
			return moment.toInstant().isBefore(now);
		}

		private void complete(String step, String office, Map<String, Object> answers) {
			time.travelTo(at.toInstant());
			Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
				.singleResult();
			taskService.claim(task.getId(), office + "." + clerks);
			at = at.plusMinutes(5 + random.nextInt(40));
			time.travelTo(at.toInstant());
			taskService.complete(task.getId(), answers);
		}

	}

	static UploadedFile declaration() {
		return document("declaracion-itse", "declaracion-jurada.pdf");
	}

	/** A blank one-page PDF as the requirement's upload. */
	static UploadedFile document(String requirement, String fileName) {
		byte[] pdf = samplePdf();
		return new UploadedFile(requirement, fileName, FileKind.PDF, pdf, Documents.sha256(pdf));
	}

	private static byte[] samplePdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
