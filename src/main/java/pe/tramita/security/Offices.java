package pe.tramita.security;

import java.util.Set;

/**
 * The offices (Camunda groups) whose members the application itself grants something: administrators, advisors,
 * heads of office, the management that keeps the TUPA and the signatories, and monitoring. Every other office is data
 * ({@code pe.tramita.office}); all of them, these too, are created from {@code processes/offices.yml}.
 */
public final class Offices {

	/** Management: the municipality's TUPA fees and terms, the certificates' signatories. */
	public static final String GERENCIA = "gerencia";

	public static final String ASESOR = "asesor";

	/** The treasury: records payments and imports the banks' collection files. */
	public static final String TESORERIA = "tesoreria";

	/** Heads of office who oversee all the tasks of their municipality and hand them out. */
	public static final String SUPERVISION = "supervision";

	/** Who reads the treasury's cash report and fees collected (administrators too). */
	public static final Set<String> TREASURY_READERS = Set.of(TESORERIA, GERENCIA, SUPERVISION, ASESOR);

	/** Monitoring: reads the health, metrics and probes under {@code /actuator}, and nothing else. */
	public static final String MONITORING = "monitoreo";

	/**
	 * Camunda's own administrators' group: Camunda's webapps open their first-user setup page while it has no
	 * member, so administrators must be in this group rather than in one of our own.
	 */
	public static final String ADMIN = "camunda-admin";

	private Offices() {
	}

}
