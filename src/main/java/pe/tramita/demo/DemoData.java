package pe.tramita.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.certificate.Certificates;
import pe.tramita.costing.Costings;
import pe.tramita.investment.Projects;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.PublicService;
import pe.tramita.payment.PaymentOrders;
import pe.tramita.payment.Payments;
import pe.tramita.request.ApplicantForm;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.IdentityDocumentType;
import pe.tramita.request.RiskLevel;
import pe.tramita.security.Offices;

/**
 * The {@code demo} profile: clerks in four municipalities (the provinces of Cajamarca, Celendín and Jaén and the
 * district of Los Baños del Inca), a year of their cases worked through the engine ({@link DemoHistory}; {@code
 * tramita.demo.history-weeks}, 0 for none), and a handful of today's cases in every state, created once on an empty
 * database. All demo users share the password
 * {@value #PASSWORD} (hashed by Camunda like any other).
 */
@Component
@ConditionalOnProperty(name = "tramita.demo", havingValue = "true")
class DemoData {

	static final String PASSWORD = "tramita";

	/** Made first: a database that has this user has the whole demo (or is being given it). */
	static final String FIRST_USER = "admin";

	static final String CAJAMARCA = "060101";

	static final String BANOS_DEL_INCA = "060108";

	static final String CELENDIN = "060301";

	static final String JAEN = "060801";

	/**
	 * Where the year of history happens: each municipality's clerks, its licences a week and the pace of its offices
	 * (× business days). About 250 cases, a minute's work on 2 cores.
	 */
	private record HistoryPlace(String ubigeo, String clerks, double licencesPerWeek, double pace) {
	}

	private static final List<HistoryPlace> HISTORY = List.of(new HistoryPlace(CAJAMARCA, "cajamarca", 1.5, 1.0),
			new HistoryPlace(BANOS_DEL_INCA, "banos", 0.7, 0.8), new HistoryPlace(CELENDIN, "celendin", 0.7, 1.2),
			new HistoryPlace(JAEN, "jaen", 0.7, 1.5));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoCashier cashier;

	private final IdentityService identityService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final Expedientes expedientes;

	private final ProcedureCatalog catalog;

	private final Certificates certificates;

	private final DemoNotReadyYet notReadyYet;

	private final Municipalities municipalities;

	private final DemoHistory history;

	private final DemoRedesign redesign;

	private final DemoTime time;

	private final DemoInvestments investments;

	private final int historyWeeks;

	private int applicants;

	private final List<Filing> filed = new ArrayList<>();

	DemoData(IdentityService identityService, TaskService taskService, ManagementService managementService,
			Expedientes expedientes, ProcedureCatalog catalog, Certificates certificates, DemoNotReadyYet notReadyYet,
			Municipalities municipalities, DemoTime time, BusinessCalendar calendar, RepositoryService repositoryService,
			Costings costings, Projects projects, PaymentOrders orders, Payments payments, LegalClock clock,
			@Value("${tramita.demo.history-weeks:52}") int historyWeeks) {
		this.investments = new DemoInvestments(expedientes, catalog, taskService, projects);
		this.cashier = new DemoCashier(orders, payments, clock);
		this.history = new DemoHistory(time, expedientes, taskService, calendar, catalog, cashier);
		this.redesign = new DemoRedesign(repositoryService, costings);
		this.time = time;
		this.historyWeeks = historyWeeks;
		this.municipalities = municipalities;
		this.notReadyYet = notReadyYet;
		this.identityService = identityService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.expedientes = expedientes;
		this.catalog = catalog;
		this.certificates = certificates;
	}

	@EventListener(PostDeployEvent.class)
	@Order(30)
	void create() {
		try {
			createOnce();
		}
		finally {
			notReadyYet.demoDataInPlace();
		}
	}

	private void createOnce() {
		if (identityService.createUserQuery().userId(FIRST_USER).count() > 0) {
			return;
		}
		notReadyYet.creatingDemoData();
		List<String> all = List.of(CAJAMARCA, BANOS_DEL_INCA, CELENDIN, JAEN);
		user(FIRST_USER, "Ana", "Administradora", List.of(Offices.ADMIN), all);
		user("asesor", "Arturo", "Asesor", List.of(Offices.ASESOR), all);
		user("monitoreo", "Mónica", "Monitoreo", List.of(Offices.MONITORING), List.of());
		HISTORY.forEach(place -> clerks(place.clerks(), place.ubigeo()));
		certificates.setSignatory(CAJAMARCA, "Gonzalo Gerente", "Gerente Municipal", DemoCoatOfArms.png(), "admin");
		for (String ubigeo : all) {
			municipalities.publish(ubigeo, new PublicService("Mesa de Partes, primer piso del palacio municipal (dato de demostración)",
					"Lunes a viernes de 8:00 a 13:00 y de 14:30 a 17:30 (dato de demostración)", null,
					"mesadepartes." + ubigeo + "@demo.tramita.pe"), "admin", Instant.now());
		}
		history();
		cases();
		log.info("Demo data created: users with password '{}', cases in every state", PASSWORD);
		// a demo's codes are no secret: without them nobody could try the citizen's side of these cases
		filed.forEach(filing -> log.info("Demo case {}: access code {} (open it at /consulta)",
				filing.caseNumber(), filing.accessCode()));
	}

	/** Before today's cases, so that their numbers follow the year's. */
	private void history() {
		if (historyWeeks <= 0) {
			return;
		}
		long started = System.nanoTime();
		Instant now = Instant.now();
		int cases = 0;
		// Cajamarca's licence runs on its own copy of the shipped model, redesigned half-way through the history
		time.travelTo(now.minus(Duration.ofDays(7L * historyWeeks + 7)));
		redesign.shippedVersion(CAJAMARCA);
		for (HistoryPlace place : HISTORY) {
			boolean redesigned = place.ubigeo().equals(CAJAMARCA);
			cases += history.work(place.ubigeo(), place.clerks(), place.licencesPerWeek(), place.pace(), historyWeeks,
					now, place.ubigeo().hashCode(), redesigned ? now.minus(Duration.ofDays(7L * historyWeeks / 2)) : null,
					redesigned ? () -> redesign.redesign(CAJAMARCA) : null).size();
		}
		redesign.costBoth(CAJAMARCA);
		history.dueTodayAndOverdue(CAJAMARCA, "cajamarca", now).forEach(filed::add);
		log.info("Demo history: {} cases over {} weeks in {} municipalities, worked in {} s", cases, historyWeeks,
				HISTORY.size(), (System.nanoTime() - started) / 1_000_000_000);
	}

	/** Who classifies the risk in Cajamarca today: Mesa de Partes since the redesign, Licencias without history. */
	private String cajamarcaClassifier() {
		return historyWeeks > 0 ? "mesa.cajamarca" : "licencias.cajamarca";
	}

	private void clerks(String suffix, String ubigeo) {
		user("mesa." + suffix, "María", "Mesa de Partes", List.of("mesa-de-partes"), List.of(ubigeo));
		user("mesa2." + suffix, "Marco", "Mesa de Partes", List.of("mesa-de-partes"), List.of(ubigeo));
		user("jefe." + suffix, "Julia", "Jefa de Trámite", List.of(Offices.SUPERVISION, "mesa-de-partes"), List.of(ubigeo));
		user("licencias." + suffix, "Luis", "Licencias", List.of("licencias"), List.of(ubigeo));
		user("itse." + suffix, "Irma", "Defensa Civil", List.of("defensa-civil"), List.of(ubigeo));
		user("gerente." + suffix, "Gonzalo", "Gerente", List.of("gerencia"), List.of(ubigeo));
		user("servicios." + suffix, "Sara", "Servicios Públicos", List.of("servicios-publicos"), List.of(ubigeo));
		user("transparencia." + suffix, "Tomás", "Transparencia", List.of("transparencia"), List.of(ubigeo));
		user("obras." + suffix, "Óscar", "Obras Privadas", List.of("obras-privadas"), List.of(ubigeo));
		user("planeamiento." + suffix, "Patricia", "Planeamiento", List.of("planeamiento"), List.of(ubigeo));
		user("abastecimiento." + suffix, "Alberto", "Abastecimiento", List.of("abastecimiento"), List.of(ubigeo));
		user("tesoreria." + suffix, "Teresa", "Tesorería", List.of("tesoreria"), List.of(ubigeo));
	}

	private void user(String id, String first, String last, List<String> offices, List<String> municipalities) {
		User user = identityService.newUser(id);
		user.setFirstName(first);
		user.setLastName(last);
		user.setEmail(id + "@demo.tramita.pe");
		user.setPassword(PASSWORD);
		// the demo's one documented password; every other account must pass the engine's password policy
		((IdentityServiceImpl) identityService).saveUser(user, true);
		offices.forEach(office -> identityService.createMembership(id, office));
		municipalities.forEach(ubigeo -> identityService.createTenantUserMembership(ubigeo, id));
	}

	private void cases() {
		Procedure licence = catalog.get("licencia-funcionamiento");
		fileAwaitingPayment(licence, CAJAMARCA, "Bodega Santa Apolonia", RiskLevel.BAJO);
		String observed = file(licence, CAJAMARCA, "Librería El Cumbe", RiskLevel.BAJO);
		complete(observed, "reviewRequirements", "mesa.cajamarca",
				Map.of("requisitosCompletos", false, "observacion", "Falta la declaración jurada firmada."));
		String classifying = file(licence, CAJAMARCA, "Restaurante Los Baños", RiskLevel.MEDIO);
		reviewOk(classifying, "mesa.cajamarca");
		String inspecting = file(licence, CAJAMARCA, "Hostal Plaza de Armas", RiskLevel.ALTO);
		reviewOk(inspecting, "mesa.cajamarca");
		complete(inspecting, "classifyRisk", cajamarcaClassifier(), Map.of("nivelRiesgo", "ALTO"));
		String deciding = file(licence, CAJAMARCA, "Farmacia San Sebastián", RiskLevel.MEDIO);
		reviewOk(deciding, "mesa.cajamarca");
		complete(deciding, "classifyRisk", cajamarcaClassifier(), Map.of("nivelRiesgo", "MEDIO"));
		String approved = file(licence, CAJAMARCA, "Panadería El Inca", RiskLevel.BAJO);
		reviewOk(approved, "mesa.cajamarca");
		complete(approved, "classifyRisk", cajamarcaClassifier(), Map.of("nivelRiesgo", "BAJO"));
		complete(approved, "decideLicence", "gerente.cajamarca",
				Map.of("aprobado", true, "fundamento", "Cumple los requisitos del TUPA y las condiciones de seguridad."));
		String denied = file(licence, CAJAMARCA, "Discoteca La Colina", RiskLevel.MUY_ALTO);
		reviewOk(denied, "mesa.cajamarca");
		complete(denied, "classifyRisk", cajamarcaClassifier(), Map.of("nivelRiesgo", "MUY_ALTO"));
		complete(denied, "inspectSafety", "itse.cajamarca",
				Map.of("itseFavorable", false, "informeItse", "Sin salidas de emergencia ni señalización."));
		complete(denied, "decideLicence", "gerente.cajamarca",
				Map.of("aprobado", false, "fundamento", "La inspección ITSE fue desfavorable."));
		String lapsed = file(licence, CAJAMARCA, "Ferretería Chontapaccha", RiskLevel.BAJO);
		complete(lapsed, "reviewRequirements", "mesa.cajamarca",
				Map.of("requisitosCompletos", false, "observacion", "Falta la vigencia de poder del representante."));
		expireCorrectionTerm(lapsed);

		file(licence, BANOS_DEL_INCA, "Hospedaje Termal Inca", RiskLevel.MEDIO);
		String banosApproved = file(licence, BANOS_DEL_INCA, "Bodega Don Lucho", RiskLevel.BAJO);
		reviewOk(banosApproved, "mesa.banos");
		complete(banosApproved, "classifyRisk", "licencias.banos", Map.of("nivelRiesgo", "BAJO"));
		complete(banosApproved, "decideLicence", "gerente.banos",
				Map.of("aprobado", true, "fundamento", "Cumple los requisitos del TUPA."));

		Procedure complaint = catalog.get("queja-reclamo");
		complain(complaint, "El camión recolector no pasa por el Jr. Amalia Puga desde hace dos semanas.");
		String routed = complain(complaint, "El parque de la urbanización El Ingenio no tiene alumbrado desde octubre.");
		complete(routed, "routeComplaint", "mesa.cajamarca", Map.of("oficinaResponsable", "servicios-publicos"));
		String answered = complain(complaint, "En ventanilla me pidieron una copia del DNI que no figura en el TUPA.");
		complete(answered, "routeComplaint", "mesa.cajamarca", Map.of("oficinaResponsable", "licencias"));
		complete(answered, "answerComplaint", "licencias.cajamarca", Map.of("fundamento",
				"Tiene razón: la copia del DNI no es exigible. Se instruyó al personal de ventanilla.", "medidas",
				"Capacitación al personal de Mesa de Partes."));
		informationRequests();
		investments.create(CAJAMARCA, LocalDate.now(time));
	}

	private void informationRequests() {
		Procedure request = catalog.get("acceso-informacion");
		ApplicantForm applicant = new ApplicantForm(IdentityDocumentType.DNI, "%08d".formatted(41234500 + ++applicants),
				"Lucía Rojas Tello", "lucia.rojas@example.pe", "", true, true);
		remember(expedientes.apply(CAJAMARCA, request, applicant, Map.of("informacionSolicitada",
				"Relación de obras ejecutadas en el distrito en 2026, con su monto y estado.", "formaEntrega", "CORREO"),
				List.of()).filing());
	}

	private String complain(Procedure procedure, String facts) {
		ApplicantForm applicant = new ApplicantForm(IdentityDocumentType.DNI, "%08d".formatted(41234500 + ++applicants),
				"Miguel Cerna Vásquez", "miguel.cerna@example.pe", "976000111", true, false);
		Map<String, String> fields = Map.of("servicio", "LIMPIEZA", "hechos", facts, "lugar", "Cajamarca", "pedido",
				"Que se atienda el problema y se me informe por escrito.");
		return remember(expedientes.apply(CAJAMARCA, procedure, applicant, fields, List.of()).filing());
	}

	private String file(Procedure procedure, String ubigeo, String business, RiskLevel risk) {
		String caseNumber = fileAwaitingPayment(procedure, ubigeo, business, risk);
		cashier.pay(caseNumber, HISTORY.stream().filter(place -> place.ubigeo().equals(ubigeo)).findFirst()
			.orElseThrow().clerks());
		return caseNumber;
	}

	/** A licence application whose fee is still to be paid: the cashier finds its order. */
	private String fileAwaitingPayment(Procedure procedure, String ubigeo, String business, RiskLevel risk) {
		String dni = "%08d".formatted(41234500 + ++applicants);
		ApplicantForm applicant = new ApplicantForm(IdentityDocumentType.DNI, dni, "Rosa Chávez Quispe",
				"rosa.chavez@example.pe", "976543210", true, true);
		Map<String, String> fields = Map.of("ruc", "20131312955", "businessName", business + " S.A.C.", "tradeName",
				business, "address", "Jr. Amalia Puga 123, Cajamarca", "activity", "Comercio minorista", "areaM2", "48.50",
				"riskLevel", risk.name());
		return remember(expedientes.apply(ubigeo, procedure, applicant, fields, List.of(DemoHistory.declaration()))
			.filing());
	}

	/** The demo's cases with their access codes, for the log: whoever tries the demo can open them as citizens. */
	private String remember(Filing filing) {
		filed.add(filing);
		return filing.caseNumber();
	}

	private void reviewOk(String caseNumber, String clerk) {
		complete(caseNumber, "reviewRequirements", clerk, Map.of("requisitosCompletos", true));
	}

	private void complete(String caseNumber, String step, String clerk, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
			.singleResult();
		taskService.claim(task.getId(), clerk);
		taskService.complete(task.getId(), variables);
	}

	/** As if the citizen had let the 2 business days pass: run the waiting timer now. */
	private void expireCorrectionTerm(String caseNumber) {
		String processInstanceId = expedientes.findByCaseNumber(caseNumber).orElseThrow().processInstanceId();
		Job timer = managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId("correctionTermExpired")
			.singleResult();
		managementService.executeJob(timer.getId());
	}

}
