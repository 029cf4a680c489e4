package pe.tramita.investment;

/** Where a project's money comes from, as municipal budgets name it (its label: {@code investment.source.<name>}). */
public enum FundingSource {

	CANON_MINERO, FONCOMUN, RECURSOS_PROPIOS, TRANSFERENCIAS, ENDEUDAMIENTO

}
