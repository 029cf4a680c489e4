package pe.tramita.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** The offices (Camunda groups) that procedure models name as candidate groups, with their display names. */
public final class Offices {

	public static final String MESA_DE_PARTES = "mesa-de-partes";

	public static final String LICENCIAS = "licencias";

	public static final String DEFENSA_CIVIL = "defensa-civil";

	public static final String GERENCIA = "gerencia";

	public static final String SERVICIOS_PUBLICOS = "servicios-publicos";

	public static final String TRANSPARENCIA = "transparencia";

	public static final String OBRAS_PRIVADAS = "obras-privadas";

	public static final String PLANEAMIENTO = "planeamiento";

	public static final String ABASTECIMIENTO = "abastecimiento";

	public static final String TESORERIA = "tesoreria";

	public static final String ASESOR = "asesor";

	/** Heads of office who oversee all the tasks of their municipality and hand them out. */
	public static final String SUPERVISION = "supervision";

	/**
	 * Camunda's own administrators' group: Camunda's webapps open their first-user setup page while it has no
	 * member, so administrators must be in this group rather than in one of our own.
	 */
	public static final String ADMIN = "camunda-admin";

	static final Map<String, String> NAMES = new LinkedHashMap<>();

	static {
		NAMES.put(MESA_DE_PARTES, "Mesa de Partes");
		NAMES.put(LICENCIAS, "Subgerencia de Licencias");
		NAMES.put(DEFENSA_CIVIL, "Defensa Civil (ITSE)");
		NAMES.put(GERENCIA, "Gerencia de Desarrollo Económico");
		NAMES.put(SERVICIOS_PUBLICOS, "Gerencia de Servicios Públicos");
		NAMES.put(TRANSPARENCIA, "Responsable de Acceso a la Información Pública");
		NAMES.put(OBRAS_PRIVADAS, "Subgerencia de Obras Privadas");
		NAMES.put(PLANEAMIENTO, "Gerencia de Planeamiento y Presupuesto");
		NAMES.put(ABASTECIMIENTO, "Unidad de Abastecimiento");
		NAMES.put(TESORERIA, "Unidad de Tesorería");
		NAMES.put(ASESOR, "Asesoría de Simplificación Administrativa");
		NAMES.put(SUPERVISION, "Jefatura de Trámite Documentario (supervisión)");
		NAMES.put(ADMIN, "Administración del sistema");
	}

	/** One of the offices Tramita creates as Camunda groups at start-up. */
	public static boolean isKnown(String office) {
		return NAMES.containsKey(office);
	}

	private Offices() {
	}

}
