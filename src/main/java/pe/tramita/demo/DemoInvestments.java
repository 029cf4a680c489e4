package pe.tramita.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.investment.ExternalProcurementForm;
import pe.tramita.investment.ProjectForm;
import pe.tramita.investment.Projects;
import pe.tramita.request.ApplicantForm;
import pe.tramita.request.Expedientes;
import pe.tramita.request.IdentityDocumentType;
import pe.tramita.security.StaffUser;

/**
 * Cajamarca's investments for the demo: a proposal its participatory budget prioritized, now a project with a paid
 * purchase, a certified one and a SEACE contract; and a project registered on its own that is late and not started.
 */
class DemoInvestments {

	private final Expedientes expedientes;

	private final ProcedureCatalog catalog;

	private final TaskService taskService;

	private final Projects projects;

	DemoInvestments(Expedientes expedientes, ProcedureCatalog catalog, TaskService taskService, Projects projects) {
		this.expedientes = expedientes;
		this.catalog = catalog;
		this.taskService = taskService;
		this.projects = projects;
	}

	void create(String ubigeo, LocalDate today) {
		StaffUser planning = new StaffUser("planeamiento.cajamarca", "Patricia Planeamiento", Set.of("planeamiento"),
				Set.of(ubigeo));
		String proposal = expedientes.apply(ubigeo, catalog.get("presupuesto-participativo"),
				new ApplicantForm(IdentityDocumentType.DNI, "41299001", "Teodoro Llanos Cotrina", "jv.pinos@example.pe",
						"", true, false),
				Map.of("organizacion", "Junta Vecinal Barrio San Martín", "registroAgente", "AP-2026-017",
						"nombreProyecto", "Mejoramiento del pasaje peatonal Los Pinos", "problema",
						"El pasaje es de tierra y se inunda en temporada de lluvias; lo usan 1,200 vecinos.",
						"beneficiarios", "1200", "costoEstimado", "180000"),
				List.of(DemoHistory.document("acta", "acta.pdf"))).filing().caseNumber();
		complete(proposal, "verifyAgent", Map.of("agenteInscrito", true));
		complete(proposal, "evaluateProject", Map.of("viable", true, "costoEvaluado", 195000L, "fundamento",
				"Viable: expediente técnico con costos de mercado."));
		complete(proposal, "recordPrioritization", Map.of("priorizado", true, "puesto", 3L, "fundamento",
				"Taller de priorización del presupuesto participativo."));
		long pasaje = projects.register(ubigeo, new ProjectForm("Mejoramiento del pasaje peatonal Los Pinos",
				"CANON_MINERO", "195000", today.minusMonths(2).toString(), today.plusMonths(4).toString(),
				"obras-privadas", proposal), planning).id();
		var project = projects.find(pasaje).orElseThrow();
		String cement = purchase(ubigeo, "Cemento Portland tipo I, 48 bolsas", 2400);
		complete(cement, "marketSurvey", Map.of("cotizaciones", 3L, "proveedor", "Ferretería San Martín E.I.R.L.",
				"montoCotizado", 2280L));
		complete(cement, "certifyBudget", Map.of("certificado", true, "numeroCertificacion", "CCP-0101"));
		complete(cement, "issuePurchaseOrder", Map.of("numeroOrden", "OC-2026-0007"));
		complete(cement, "confirmDelivery", Map.of("conforme", true));
		complete(cement, "pay", Map.of("comprobantePago", "CP-2026-0031"));
		String pavers = purchase(ubigeo, "Adoquines de concreto, 2,000 unidades", 31000);
		complete(pavers, "marketSurvey", Map.of("cotizaciones", 3L, "proveedor", "Prefabricados Norte S.A.C.",
				"montoCotizado", 30000L));
		complete(pavers, "certifyBudget", Map.of("certificado", true, "numeroCertificacion", "CCP-0102"));
		projects.tie(project, cement, planning);
		projects.tie(project, pavers, planning);
		projects.record(project, new ExternalProcurementForm("LP-SM-3-2026-MPC-1",
				"Obra: pavimentación del pasaje Los Pinos", "150000", today.minusMonths(1).toString(),
				today.minusDays(20).toString(), "", ""), planning);
		projects.register(ubigeo, new ProjectForm("Reservorio de agua potable del caserío Huambocancha Alta",
				"FONCOMUN", "320000", today.minusMonths(6).toString(), today.minusDays(20).toString(), "obras-privadas",
				null), planning);
	}

	private String purchase(String ubigeo, String description, long value) {
		return expedientes.startInternal(ubigeo, catalog.get("contratacion-menor"), "Patricia Planeamiento (planeamiento)",
				Map.of("oficinaSolicitante", "obras-privadas", "descripcion", description, "especificaciones",
						"Según el expediente técnico del pasaje Los Pinos.", "cantidad", "1", "valorEstimado",
						String.valueOf(value))).filing().caseNumber();
	}

	private void complete(String caseNumber, String step, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
			.singleResult();
		taskService.complete(task.getId(), variables);
	}

}
