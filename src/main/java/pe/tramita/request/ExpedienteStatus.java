package pe.tramita.request;

/** Where a case stands, as the citizen is told. */
public enum ExpedienteStatus {

	EN_TRAMITE(false), OBSERVADO(false), APROBADO(true), APROBADO_POR_SILENCIO(true), DENEGADO(true), NO_PRESENTADO(true), ATENDIDO(true), DENEGADO_POR_SILENCIO(true);

	private final boolean concluded;

	ExpedienteStatus(boolean concluded) {
		this.concluded = concluded;
	}

	public boolean concluded() {
		return concluded;
	}

}
