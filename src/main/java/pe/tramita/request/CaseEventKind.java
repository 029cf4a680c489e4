package pe.tramita.request;

/** What happened to a case that the citizen is told of (message keys {@code timeline.event.<name>}). */
public enum CaseEventKind {

	PRESENTADO, OBSERVADO, SUBSANADO, APROBADO, APROBADO_POR_SILENCIO, DENEGADO, NO_PRESENTADO, ATENDIDO,
	DENEGADO_POR_SILENCIO, PRORROGADO,
	/** Staff handed the citizen documents (the information requested, an answer). */
	ENTREGADO,
	/** A new access code was sent to the e-mail on file; the old one stopped working. */
	CODIGO_RENOVADO,
	/** The fee (derecho de trámite) was paid: the filing is complete and its legal term runs. */
	PAGADO

}
