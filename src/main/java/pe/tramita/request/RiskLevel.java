package pe.tramita.request;

/** ITSE risk levels of an establishment. High and very high need the inspection before the licence. */
public enum RiskLevel {

	BAJO, MEDIO, ALTO, MUY_ALTO

}
