package pe.tramita.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A procedure as its TUPA entry describes it ({@code processes/<key>/procedure.yml}). An {@code internal} one (e.g. a
 * minor purchase) is started by a municipal office, not by citizens, and is not part of the public TUPA. One that
 * {@code publishesResults} (the participatory budget) shows its approved cases on a public page. {@code whatHappens}
 * tells the citizen, in order, what follows the filing (e.g. when and how the ITSE inspection comes). A fee the TUPA
 * states as a share of the UIT has {@code feeUitPercent}: its soles depend on the year ({@link Tupa} works them out).
 */
public record Procedure(String key, String processKey, String name, String summary, List<String> legalBasis,
		Qualification qualification, Silence silence, int termBusinessDays, BigDecimal feeSoles,
		BigDecimal feeUitPercent, String receivingOffice, String decidingOffice, String decidingAuthority,
		String reconsiderationAuthority, String appealAuthority, List<Requirement> requirements, boolean internal,
		Map<String, Integer> termsByRisk, boolean publishesResults, List<String> whatHappens) {

	public enum Qualification {

		APROBACION_AUTOMATICA, EVALUACION_PREVIA

	}

	public enum Silence {

		POSITIVO, NEGATIVO, NINGUNO

	}

	/**
	 * {@code help}: what the requirement means and where to get it, in plain words (none when the name says it all);
	 * {@code form}: the blank form the citizen may download, fill in, sign and upload (a sworn statement), or none.
	 */
	public record Requirement(String id, String name, boolean upload, boolean required, String help, Form form) {
	}

	/**
	 * A form to print: its title, the blanks to fill in ({@code fill}), what the signer declares, one item each, and
	 * the closing sentence above the signature. Legal documents: in Spanish whatever the page's language.
	 */
	public record Form(String title, List<String> fill, List<String> declares, String closing) {
	}

	/** The same procedure with a municipality's own term (for every risk level) and fee in soles. */
	public Procedure withTermAndFee(int termBusinessDays, BigDecimal feeSoles) {
		return new Procedure(key, processKey, name, summary, legalBasis, qualification, silence, termBusinessDays,
				feeSoles, null, receivingOffice, decidingOffice, decidingAuthority, reconsiderationAuthority,
				appealAuthority, requirements, internal, Map.of(), publishesResults, whatHappens);
	}

	/** The same procedure with its fee in soles for a year (a fee stated as a share of the UIT). */
	public Procedure withFee(BigDecimal feeSoles) {
		return new Procedure(key, processKey, name, summary, legalBasis, qualification, silence, termBusinessDays,
				feeSoles, feeUitPercent, receivingOffice, decidingOffice, decidingAuthority, reconsiderationAuthority,
				appealAuthority, requirements, internal, termsByRisk, publishesResults, whatHappens);
	}

	/** The term for a case of that risk level (e.g. the licence's ITSE levels), or the procedure's one term. */
	public int termFor(String riskLevel) {
		return riskLevel == null ? termBusinessDays : termsByRisk.getOrDefault(riskLevel, termBusinessDays);
	}

	public List<Requirement> uploads() {
		return requirements.stream().filter(Requirement::upload).toList();
	}

}
