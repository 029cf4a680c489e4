package pe.tramita.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.ClassPathResource;

import pe.tramita.costing.CostSheet;
import pe.tramita.costing.CostSheet.Item;
import pe.tramita.costing.CostSheet.Overhead;
import pe.tramita.costing.CostSheet.Position;
import pe.tramita.costing.CostingInputs;
import pe.tramita.costing.CostingInputs.ActivityInput;
import pe.tramita.costing.Costings;

/**
 * The demo's redesign of a shipped procedure, so that the advisor's before/after has real figures: Cajamarca's
 * business licence, as shipped (its own version 1), and half-way through the year of history a version 2 in which
 * Mesa de Partes classifies the risk itself instead of handing the case to Licencias. Both versions costed with the
 * municipality's positions (demonstration figures).
 */
class DemoRedesign {

	static final String KEY = "licencia-funcionamiento";

	private static final String MODEL = "processes/licencia-funcionamiento/licencia-funcionamiento.bpmn";

	private static final String TECHNICIAN = "Técnico de Mesa de Partes";

	private static final String SPECIALIST = "Especialista en Licencias";

	private static final String INSPECTOR = "Inspector ITSE";

	private static final String MANAGER = "Gerente de Desarrollo Económico";

	private final RepositoryService repositoryService;

	private final Costings costings;

	DemoRedesign(RepositoryService repositoryService, Costings costings) {
		this.repositoryService = repositoryService;
		this.costings = costings;
	}

	/** The shipped model as the municipality's own version 1, before its first case. */
	void shippedVersion(String ubigeo) {
		deploy(ubigeo, "Licencia de funcionamiento (como se distribuye)", model());
	}

	/** Version 2: the risk classified at the reception, one office fewer on the case's way. */
	void redesign(String ubigeo) {
		deploy(ubigeo, "Licencia de funcionamiento: Mesa de Partes clasifica el riesgo",
				model().replace("camunda:candidateGroups=\"licencias\"", "camunda:candidateGroups=\"mesa-de-partes\""));
	}

	/** The positions and both versions' costings. */
	void costBoth(String ubigeo) {
		for (Position position : List.of(new Position(TECHNICIAN, new BigDecimal("2400.00")),
				new Position(SPECIALIST, new BigDecimal("3600.00")), new Position(INSPECTOR, new BigDecimal("3300.00")),
				new Position(MANAGER, new BigDecimal("6500.00")))) {
			costings.savePosition(ubigeo, position, "asesor");
		}
		save(ubigeo, 1, new ActivityInput("Clasificar el nivel de riesgo", SPECIALIST, minutes(30), null, null));
		save(ubigeo, 2, new ActivityInput("Clasificar el nivel de riesgo", TECHNICIAN, minutes(15), null, null));
	}

	private void save(String ubigeo, int version, ActivityInput classification) {
		List<ActivityInput> activities = List.of(
				new ActivityInput("Recepción y registro de la solicitud", TECHNICIAN, minutes(15), null, null),
				new ActivityInput("Revisar requisitos", TECHNICIAN, minutes(25), null, null), classification,
				new ActivityInput("Inspección técnica de seguridad (ITSE)", INSPECTOR, minutes(120), null, null),
				new ActivityInput("Resolver la solicitud", MANAGER, minutes(20), null, null),
				new ActivityInput("Notificación de la resolución", TECHNICIAN, minutes(10), null, null));
		List<Item> materials = List.of(new Item("Papel bond A4", new BigDecimal("0.03"), new BigDecimal("12")),
				new Item("Fólder manila", new BigDecimal("0.50"), BigDecimal.ONE));
		List<Overhead> overheads = List.of(
				new Overhead(CostSheet.Element.DEPRECIACION, "Computadoras e impresoras", new BigDecimal("450.00"),
						minutes(4 * CostSheet.DEFAULT_MINUTES_PER_MONTH)),
				new Overhead(CostSheet.Element.COSTOS_FIJOS, "Electricidad, teléfono e internet", new BigDecimal("620.00"),
						minutes(4 * CostSheet.DEFAULT_MINUTES_PER_MONTH)));
		List<CostingInputs.Problem> problems = costings.save(ubigeo, KEY, version, new CostingInputs(
				CostSheet.DEFAULT_MINUTES_PER_MONTH, activities, materials, List.of(), overheads, null), "asesor");
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The demo's costing has problems: " + problems);
		}
	}

	private void deploy(String ubigeo, String name, String xml) {
		repositoryService.createDeployment().tenantId(ubigeo).name(name).addString(KEY + ".bpmn", xml).deploy();
	}

	private static String model() {
		try {
			return new String(new ClassPathResource(MODEL).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static BigDecimal minutes(int minutes) {
		return BigDecimal.valueOf(minutes);
	}

}
