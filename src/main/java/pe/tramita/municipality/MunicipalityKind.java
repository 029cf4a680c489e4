package pe.tramita.municipality;

public enum MunicipalityKind {

	/** Governs the province's capital district (UBIGEO ending in 01). */
	PROVINCIAL,

	DISTRITAL

}
